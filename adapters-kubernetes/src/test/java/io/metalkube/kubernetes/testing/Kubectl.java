package io.metalkube.kubernetes.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** kubectl from the PATH, run as a user runs it against one kubeconfig (tests on kube-lite and the embedded server). */
public final class Kubectl {

    /** What kubectl printed (stdout and stderr) and its exit code. */
    public record Result(int exit, String output) {
    }

    private final Path binary;
    private final Path kubeconfig;

    public Kubectl(Path binary, Path kubeconfig) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
    }

    /** The kubectl binary on the PATH, if any (tests skip without it). */
    public static Optional<Path> onPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path k = Path.of(d, "kubectl");
            if (Files.isExecutable(k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code kubectl --kubeconfig <file> args...}; fails if it takes longer than {@code timeoutSeconds}. */
    public Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("kubectl", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
                }
            } finally {
                p.destroyForcibly();
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs kubectl (at most {@code timeoutSeconds}) and returns its output; fails unless it exits 0. */
    public String ok(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        Result r = run(timeoutSeconds, args);
        if (r.exit() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " exited " + r.exit() + ": " + r.output());
        }
        return r.output();
    }
}
