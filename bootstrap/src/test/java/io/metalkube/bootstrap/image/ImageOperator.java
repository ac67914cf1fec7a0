package io.metalkube.bootstrap.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator as the image runs it (its entrypoint in a chroot, {@link ChrootContainer}), configured as a site would
 * configure it through environment variables: fixture back-end, the given API server, leader election on.
 */
public final class ImageOperator implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ImageOperator(Process process, Path log, int port, long startedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** Starts the image's entrypoint with {@code jvmArgs} added right after {@code java}, its root read-only. */
    public static ImageOperator start(OciImage image, Path root, URI apiServer, List<String> jvmArgs, Map<String, String> env, Path log)
            throws IOException {
        return start(image, root, true, apiServer, jvmArgs, env, log);
    }

    /** As {@link #start(OciImage, Path, URI, List, Map, Path)}; {@code readOnlyRoot} false lets the run write into the image. */
    public static ImageOperator start(OciImage image, Path root, boolean readOnlyRoot, URI apiServer, List<String> jvmArgs,
                                      Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(image.entrypoint());
        command.addAll(1, jvmArgs);
        Map<String, String> settings = new HashMap<>(Map.of(
                "METALKUBE_BACKEND", "fixture",
                "METALKUBE_KUBERNETES_MASTER_URL", apiServer.toString(),
                "METALKUBE_KUBERNETES_LEASE_NAMESPACE", "default",
                "METALKUBE_KUBERNETES_LEASE_IDENTITY", "metalkube-image",
                "MICRONAUT_SERVER_HOST", "127.0.0.1",
                "MICRONAUT_SERVER_PORT", Integer.toString(port)));
        settings.putAll(env);
        long started = System.nanoTime();
        Process p = ChrootContainer.start(root, readOnlyRoot, image.container().path("User").asText(), image.env(), settings, command, log);
        return new ImageOperator(p, log, port, started);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until /health/readiness answers 200; returns the time since launch. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the image's entrypoint exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> r = get("/health/readiness");
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet: try again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the image's operator was not ready after " + timeout + ":\n" + output());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Resident set size of the JVM, from /proc/PID/status. */
    public long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + process.pid());
    }

    /** RssAnon, RssFile, RssShmem and Threads from /proc/PID/status, for reading where the memory goes. */
    public String memoryBreakdown() throws IOException {
        return String.join(" ", Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("RssAnon") || l.startsWith("RssFile") || l.startsWith("RssShmem") || l.startsWith("Threads"))
                .map(l -> l.replaceAll("\\s+", " ")).toList());
    }

    /** SIGTERM, as the kubelet sends it; returns the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the image's operator did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
