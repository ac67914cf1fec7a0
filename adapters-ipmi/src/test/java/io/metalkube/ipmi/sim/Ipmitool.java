package io.metalkube.ipmi.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ipmitool (lanplus, suite 3) against a simulator; the password goes through IPMI_PASSWORD (-E), never argv. */
public final class Ipmitool {

    private Ipmitool() {
    }

    public static boolean installed() {
        return new java.io.File("/usr/bin/ipmitool").canExecute();
    }

    public static List<String> command(IpmiSimulator sim, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", sim.address().getHostString(),
                "-p", String.valueOf(sim.address().getPort()), "-U", IpmiSimulator.USER, "-E"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs ipmitool and returns its output; fails on a non-zero exit. */
    public static String run(IpmiSimulator sim, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(sim, args)).redirectErrorStream(true);
        pb.environment().put("IPMI_PASSWORD", IpmiSimulator.PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ipmitool " + String.join(" ", args) + " hung");
        }
        if (p.exitValue() != 0) {
            throw new IOException("ipmitool " + String.join(" ", args) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
