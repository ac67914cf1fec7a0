package io.metalkube.kubernetes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * One kube-lite process (../shared/peers/kube-lite: kube-apiserver's 1.36 libraries over an embedded etcd) on
 * 127.0.0.1: a fresh etcd directory, {@code --secure-port 0}, ready once the kubeconfig it writes appears, stopped by
 * PID. {@link #stop()} and {@link #startAgain()} restart it on the same etcd directory, port and certificate (so
 * clients and their watches reconnect as they would to a restarted API server).
 * <p>
 * The binary: {@code METALKUBE_KUBE_APISERVER} (a kube-lite binary, plain or gzipped) if set, else
 * {@code $METALKUBE_PEERS/kube-lite/kube-lite.gz} (bin/peers-home.sh exports it), else
 * {@code ../shared/peers/kube-lite/kube-lite.gz} beside the project root; decompressed once per JVM into the build's
 * target directory. {@link #binary()} says which, or why none.
 */
public final class KubeLite implements AutoCloseable {

    public static final String BINARY_ENV = "METALKUBE_KUBE_APISERVER";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static volatile Path unpacked;

    private final Path binary;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;
    private int port;
    private String kubeconfig;

    private KubeLite(Path binary, Path dir, List<String> extraArgs) {
        this.binary = binary;
        this.dir = dir;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts a new kube-lite with a fresh etcd directory; {@code extraArgs} are passed on (e.g. compaction interval). */
    public static KubeLite start(String... extraArgs) {
        Path binary = binary().orElseThrow(() -> new IllegalStateException(unavailableReason()));
        reapOrphans();
        Path dir = createRunDir();
        KubeLite k = new KubeLite(binary, dir, List.of(extraArgs));
        k.launch(0);
        return k;
    }

    /** The kubeconfig kube-lite wrote (admin, the server's CA, any token works). */
    public String kubeconfigYaml() {
        return kubeconfig;
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Where this instance keeps etcd, its certificate, kubeconfig and log. */
    public Path dir() {
        return dir;
    }

    /** SIGTERM (graceful: watches closed after 1 s), then SIGKILL if it has not exited after 15 s. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL, as a crash would. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the stopped server again on the same etcd directory, port and certificate. */
    public synchronized void startAgain() {
        if (running()) {
            throw new IllegalStateException("kube-lite pid " + pid() + " is still running");
        }
        launch(port);
    }

    /** Stops the process and deletes its directory (etcd data included). */
    @Override
    public synchronized void close() {
        kill();
        deleteTree(dir);
    }

    private void launch(int onPort) {
        Path kc = dir.resolve("kubeconfig");
        try {
            Files.deleteIfExists(kc);
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--etcd-dir", dir.resolve("etcd").toString(),
                    "--secure-port", Integer.toString(onPort), "--bind-address", "127.0.0.1",
                    "--cert-dir", dir.resolve("certs").toString(), "--write-kubeconfig", kc.toString()));
            cmd.addAll(extraArgs);
            Path log = dir.resolve("kube-lite.log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(dir.resolve("kube-lite.pid"), Long.toString(process.pid()));
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (!Files.exists(kc)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kube-lite exited with " + process.exitValue() + " before serving: " + tail(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    kill();
                    throw new IllegalStateException("kube-lite wrote no kubeconfig within " + READY_TIMEOUT.toSeconds() + " s: " + tail(log));
                }
                Thread.sleep(20);
            }
            kubeconfig = Files.readString(kc, StandardCharsets.UTF_8);
            port = URI.create(kubeconfig.lines().map(String::strip).filter(l -> l.startsWith("server:"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no server: in " + kc)).substring(7).strip()).getPort();
            awaitPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kube-lite " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting kube-lite", e);
        }
    }

    private void awaitPort() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("kube-lite wrote its kubeconfig but port " + port + " does not answer");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---- where the binary comes from ----------------------------------------------------------------------------

    /** The kube-lite binary to run, unpacked into the build directory, or empty (see {@link #unavailableReason()}). */
    public static synchronized Optional<Path> binary() {
        if (unpacked != null && Files.isExecutable(unpacked)) {
            return Optional.of(unpacked);
        }
        Optional<Path> source = source();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path bin = Files.createDirectories(buildDir().resolve("bin-" + ProcessHandle.current().pid())).resolve("kube-lite");
            try (InputStream in = source.get().toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(source.get()), 1 << 16) : Files.newInputStream(source.get())) {
                Files.copy(in, bin, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!bin.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + bin + " executable");
            }
            Path binDir = bin.getParent();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(binDir)));
            unpacked = bin;
            return Optional.of(bin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack kube-lite from " + source.get(), e);
        }
    }

    /** Where the (compressed) binary is: the environment variable, METALKUBE_PEERS, or ../shared/peers. */
    static Optional<Path> source() {
        String explicit = System.getenv(BINARY_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isReadable(p)) {
                throw new IllegalStateException(BINARY_ENV + "=" + explicit + " is not a readable file");
            }
            return Optional.of(p);
        }
        List<Path> candidates = new ArrayList<>();
        String peers = System.getenv("METALKUBE_PEERS");
        if (peers != null && !peers.isBlank()) {
            candidates.add(Path.of(peers, "kube-lite", "kube-lite.gz"));
        }
        projectRoot().ifPresent(root -> candidates.add(root.resolve("../shared/peers/kube-lite/kube-lite.gz").normalize()));
        return candidates.stream().filter(Files::isReadable).findFirst();
    }

    /** Why {@link #binary()} is empty, for a skip message. */
    public static String unavailableReason() {
        return "no kube-lite binary: set " + BINARY_ENV + " to one, or METALKUBE_PEERS (bin/peers-home.sh) to the shared "
                + "peers folder, or keep ../shared/peers/kube-lite/kube-lite.gz beside the project (looked from "
                + projectRoot().map(Path::toString).orElse(System.getProperty("user.dir")) + ")";
    }

    /** The directory with mvnw (the reactor root), found from the working directory upwards. */
    static Optional<Path> projectRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** target/kube-lite of the module being built (or of the working directory). */
    static Path buildDir() throws IOException {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        return Files.createDirectories((Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("kube-lite"));
    }

    private static Path createRunDir() {
        try {
            return Files.createDirectories(buildDir().resolve("run-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for kube-lite", e);
        }
    }

    /**
     * Stops kube-lite processes left behind by test JVMs that died without stopping them (run directories whose
     * owning JVM is gone), by their recorded PID, and only if that PID still runs a kube-lite.
     */
    static void reapOrphans() {
        try (Stream<Path> runs = Files.list(buildDir())) {
            for (Path run : runs.filter(p -> p.getFileName().toString().matches("(run|bin)-\\d+(-\\d+)?")).toList()) {
                long owner = Long.parseLong(run.getFileName().toString().split("-")[1]);
                if (owner == ProcessHandle.current().pid() || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Path pidFile = run.resolve("kube-lite.pid");
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(Files.readString(pidFile).strip());
                    ProcessHandle.of(pid).filter(h -> h.info().command().map(c -> c.endsWith("kube-lite")).orElse(false))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
                deleteTree(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for kube-lite processes left behind", e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("kube-lite fixture: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
