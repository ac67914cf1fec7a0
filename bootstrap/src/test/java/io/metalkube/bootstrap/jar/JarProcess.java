package io.metalkube.bootstrap.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Test helper: {@code java -jar JAR ...} (bootstrap/target/metalkube.jar, or the jar named by -Dmetalkube.jar) as a child process, its output collected. */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path jar() {
        String configured = System.getProperty("metalkube.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "metalkube.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: these tests run after `package` (failsafe, ./mvnw -pl bootstrap verify)");
        }
        return jar;
    }

    public static JarProcess start(List<String> jvmArgs, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        // Output goes to a file: Process.destroy() closes the pipes, which would lose what shutdown hooks print.
        Path log = Files.createTempFile("metalkube-jar", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("METALKUBE_") || k.startsWith("MICRONAUT_") || k.equals("KUBECONFIG")
                || k.equals("KUBERNETES_SERVICE_HOST"));
        pb.environment().putAll(env);
        return new JarProcess(pb.start(), log);
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar's output " + log, e);
        }
    }

    /** Waits until the output satisfies {@code ready}; fails with the output so far if the process died or time ran out. */
    public String awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String out = output();
            if (ready.test(out)) {
                return out;
            }
            if (!process.isAlive()) {
                throw new AssertionError("metalkube.jar exited with " + process.exitValue() + " before it was ready:\n" + out);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("metalkube.jar was not ready after " + timeout + ":\n" + output());
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("metalkube.jar did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + log, e);
        }
    }
}
