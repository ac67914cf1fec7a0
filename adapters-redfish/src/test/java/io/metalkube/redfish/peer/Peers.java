package io.metalkube.redfish.peer;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the Redfish test peers are (real-peers.md, ../shared/peers/README.md): METALKUBE_PEERS (set by
 * bin/peers-home.sh), else {@code ../shared/peers} beside the project root; sushy-tools may also come from the Python
 * package index (bin/install-peers.sh). Debian's {@code /usr/bin/python3} runs them: the PATH python3 may be a pyenv
 * shim that cannot import Debian's modules. A test whose peer is missing is skipped with the reason printed.
 */
public final class Peers {

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private Peers() {
    }

    /** The shared peers folder, if there is one. */
    public static Optional<Path> home() {
        String env = System.getenv("METALKUBE_PEERS");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("adapters-redfish"))) {
                Path peers = dir.resolve("../shared/peers").normalize();
                return Files.isDirectory(peers) ? Optional.of(peers) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** PYTHONPATH entries for sushy-tools: the shared copy, or none when it is installed from the package index. */
    public static List<String> sushyPythonPath() {
        Optional<Path> copy = home().map(h -> h.resolve("sushy-tools")).filter(Files::isDirectory);
        if (copy.isPresent()) {
            requirePython("import flask, requests, tenacity, bcrypt, webob, pbr", "the sushy-tools emulator");
            return List.of(copy.get().toString());
        }
        requirePython("import sushy_tools.emulator.main", "the sushy-tools emulator (no ../shared/peers/sushy-tools and no pip-installed"
                + " sushy-tools; bin/install-peers.sh tries the Python package index)");
        return List.of();
    }

    /** The DMTF mockup server's folder (it has no package). */
    public static Path mockupServer() {
        Optional<Path> dir = home().map(h -> h.resolve("redfish-mockup-server")).filter(d -> Files.exists(d.resolve("redfishMockupServer.py")));
        Assumptions.assumeTrue(dir.isPresent(), () -> skip("DMTF's Redfish mockup server is not in ../shared/peers (or METALKUBE_PEERS)"));
        return dir.get();
    }

    public static Path redfishtool() {
        Path tool = Path.of("/usr/bin/redfishtool");
        Assumptions.assumeTrue(Files.isExecutable(tool), () -> skip("redfishtool is not installed (bin/install-peers.sh installs it)"));
        return tool;
    }

    private static void requirePython(String imports, String what) {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), () -> skip("/usr/bin/python3 is missing, needed for " + what));
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", imports).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        boolean found = ok;
        Assumptions.assumeTrue(found, () -> skip("Python cannot \"" + imports + "\" for " + what + "; run bin/install-peers.sh"));
    }

    private static String skip(String reason) {
        String text = "SKIPPED (peer missing): " + reason;
        System.err.println(text);
        return text;
    }

    /** A free TCP port on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** Runs a process to completion (bounded) and returns its output; non-zero exit is an IOException. */
    public static String run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeoutSeconds + " s");
            }
            String text = new String(out);
            if (p.exitValue() != 0) {
                throw new IOException(command + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops a process we started, by its PID (SIGTERM, then SIGKILL after 5 s). */
    public static void stop(Process p) {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Deletes a directory tree we made. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + dir, e);
        }
    }
}
