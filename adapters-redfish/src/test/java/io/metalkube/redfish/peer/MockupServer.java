package io.metalkube.redfish.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DMTF's Redfish Mockup Server serving the {@code public-rackmount1} mockup (short form, {@code -S}) on 127.0.0.1 and
 * a free port, as redfish.md §9 runs it: Debian's python3 with the {@code grequests} shim on PYTHONPATH. No
 * authentication; PATCH merges into memory; POST to the Sessions collection logs in with a fixed token.
 * Started and stopped by PID.
 */
public final class MockupServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private MockupServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param extraFlags e.g. {@code -E} (the server's ETag test mode) */
    public static MockupServer start(String... extraFlags) {
        Path home = Peers.mockupServer();
        int port = Peers.freePort();
        try {
            Path log = Files.createTempFile("redfish-mockup-", ".log");
            List<String> cmd = new ArrayList<>(List.of(Peers.PYTHON.toString(), "redfishMockupServer.py", "-H", "127.0.0.1", "-p", String.valueOf(port),
                    "-D", home.resolve("public-rackmount1").toString(), "-S"));
            cmd.addAll(List.of(extraFlags));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("PYTHONPATH", home.resolve("shim").toString());
            MockupServer m = new MockupServer(pb.start(), port, log);
            m.awaitReady();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start DMTF's mockup server", e);
        }
    }

    private void awaitReady() throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the mockup server exited: " + Files.readString(log));
                }
                try {
                    if (client.send(HttpRequest.newBuilder(base().resolve("/redfish/v1/")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            client.shutdownNow();
        }
        throw new IOException("the mockup server did not answer within 30 s: " + Files.readString(log));
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String get(String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(base().resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Peers.stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
