package io.metalkube.bootstrap.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OCI image tarball (oci-layout, index.json, blobs/sha256/...) as bin/image writes it: its config, and its layers
 * unpacked in order into a root file system, as a container runtime would (with GNU tar; whiteouts applied).
 */
public record OciImage(Path dir, JsonNode manifest, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks the tarball into {@code dir} and reads its manifest and config. */
    public static OciImage open(Path tarball, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        tar("-xf", tarball.toString(), "-C", dir.toString());
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(dir, index.path("manifests").path(0).path("digest").asText()).toFile());
        JsonNode config = JSON.readTree(blob(dir, manifest.path("config").path("digest").asText()).toFile());
        return new OciImage(dir, manifest, config);
    }

    /** The container settings (Entrypoint, Cmd, Env, User, ExposedPorts, Labels, WorkingDir). */
    public JsonNode container() {
        return config.path("config");
    }

    public List<String> entrypoint() {
        List<String> command = new ArrayList<>();
        container().path("Entrypoint").forEach(n -> command.add(n.asText()));
        container().path("Cmd").forEach(n -> command.add(n.asText()));
        return command;
    }

    public List<String> env() {
        List<String> env = new ArrayList<>();
        container().path("Env").forEach(n -> env.add(n.asText()));
        return env;
    }

    /** Every layer, in order, into {@code root}; then the mount points a runtime provides (/proc, /dev, /sys). */
    public Path unpackRootFs(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (JsonNode layer : manifest.path("layers")) {
            Path blob = blob(dir, layer.path("digest").asText());
            boolean gzip = layer.path("mediaType").asText().endsWith("gzip");
            tar(gzip ? "-xzf" : "-xf", blob.toString(), "-C", root.toString(), "--numeric-owner");
            applyWhiteouts(root);
        }
        for (String mountPoint : List.of("proc", "dev", "sys")) {
            Files.createDirectories(root.resolve(mountPoint));
        }
        return root;
    }

    private static void applyWhiteouts(Path root) throws IOException {
        List<Path> whiteouts;
        try (var files = Files.walk(root)) {
            whiteouts = files.filter(p -> p.getFileName().toString().startsWith(".wh.")).toList();
        }
        for (Path w : whiteouts) {
            Path target = w.resolveSibling(w.getFileName().toString().substring(4));
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var tree = Files.walk(target)) {
                    for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.delete(w);
        }
    }

    private static Path blob(Path dir, String digest) {
        if (!digest.startsWith("sha256:")) {
            throw new IllegalStateException("unexpected digest " + digest + " in the image index or manifest");
        }
        return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static void tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
