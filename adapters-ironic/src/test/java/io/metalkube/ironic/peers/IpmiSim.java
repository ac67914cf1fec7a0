package io.metalkube.ironic.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One simulated BMC: OpenIPMI's {@code ipmi_sim} on its own 127.0.0.x address and a free UDP port, user admin with a per-instance
 * password, whose chassis power lives in a file through the {@code chassis_control} directive (real-peers.md §3),
 * so power requests really change it and tests can flip it out of band. Stopped by PID.
 */
public final class IpmiSim implements AutoCloseable {

    private static final Path IPMI_SIM = Path.of("/usr/bin/ipmi_sim");
    private static final String CHASSIS_CONTROL = """
            #!/bin/sh
            # chassis-control.sh STATEDIR get ITEM... | set ITEM VALUE [ITEM VALUE]... (OpenIPMI lanserv extcmd protocol)
            dir=$1; op=$2; shift 2
            echo "$op $*" >> "$dir/calls.log"
            if [ "$op" = get ]; then
              for item in "$@"; do
                case "$item" in
                  power) echo "power:$(cat "$dir/power")";;
                  boot) echo "boot:$(cat "$dir/boot")";;
                esac
              done
              exit 0
            fi
            while [ $# -ge 2 ]; do
              case "$1" in
                power) echo "$2" > "$dir/power";;
                boot) echo "$2" > "$dir/boot";;
                shutdown) echo 0 > "$dir/power";;
              esac
              shift 2
            done
            exit 0
            """;

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    private final Path dir;
    private final String host;
    private final int port;
    private final String password;
    private final Process process;

    private IpmiSim(Path dir, String host, int port, String password, Process process) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.password = password;
        this.process = process;
    }

    public static IpmiSim start(String password) {
        assumeTrue(Files.isExecutable(IPMI_SIM), "OpenIPMI's ipmi_sim is not installed (run bin/install-peers.sh)");
        try {
            Path dir = Files.createTempDirectory("metalkube-bmc-");
            Path state = Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("persist"));
            Files.writeString(state.resolve("power"), "0\n");
            Files.writeString(state.resolve("boot"), "default\n");
            Path script = dir.resolve("chassis-control.sh");
            Files.writeString(script, CHASSIS_CONTROL);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            // One loopback address per BMC: Ironic spaces ipmitool calls per address (min_command_interval), not per port.
            String host = "127.0.0." + (10 + NEXT.getAndIncrement() % 200);
            int port = FreePorts.udp(host);
            String guid = String.format("a123456789abcdefa123456789ab%04x", port & 0xffff);
            Files.writeString(dir.resolve("lan.conf"), """
                    name "bmc%1$d"
                    set_working_mc 0x20
                      startlan 1
                        addr %6$s %1$d
                        priv_limit admin
                        allowed_auths_callback none md2 md5 straight
                        allowed_auths_user none md2 md5 straight
                        allowed_auths_operator none md2 md5 straight
                        allowed_auths_admin none md2 md5 straight
                        guid %2$s
                      endlan
                      chassis_control "%3$s %4$s"
                      user 2 true "admin" "%5$s" admin 10 none md2 md5 straight
                    """.formatted(port, guid, script, state, password, host));
            Files.writeString(dir.resolve("bmc.emu"), """
                    mc_setbmc 0x20
                    mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02
                    sel_enable 0x20 1000 0x0a
                    mc_enable 0x20
                    """);
            Process p = new ProcessBuilder(IPMI_SIM.toString(), "-c", "lan.conf", "-f", "bmc.emu", "-s", "persist", "-n")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("ipmi_sim.log").toFile()).start();
            IpmiSim sim = new IpmiSim(dir, host, port, password, p);
            RealIronic.sleep(100);
            if (!p.isAlive()) {
                throw new IllegalStateException("ipmi_sim exited at once with " + p.exitValue() + "; see " + dir.resolve("ipmi_sim.log"));
            }
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ipmi_sim", e);
        }
    }

    public String address() {
        return "ipmi://" + host + ":" + port;
    }

    public String password() {
        return password;
    }

    /** The simulated machine's real power, read from the simulator's state file. */
    public boolean poweredOn() {
        try {
            return Files.readString(dir.resolve("state/power")).trim().equals("1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Out-of-band power change, as if someone pressed the button. */
    public void setPower(boolean on) {
        try {
            Files.writeString(dir.resolve("state/power"), on ? "1\n" : "0\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the BMC was asked to do (chassis-control calls), for assertions and diagnosis. */
    public String calls() {
        try {
            Path log = dir.resolve("state/calls.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RealIronic.deleteTree(dir);
    }
}
