package io.metalkube.bootstrap.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.kubernetes.EmbeddedApiServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/image's tarball (bootstrap/target/metalkube-image.tar): its config is what deploy/ expects, its file system is a
 * distroless base plus the operator, and its entrypoint, started in a chroot with a read-only root as the Deployment
 * runs it, answers /health against an API server, uses the CDS archive, and stops on SIGTERM.
 */
class ImageChrootIT {

    private static final String CDS_ARCHIVE = "/app/cds/metalkube.jsa";

    @TempDir
    static Path dir;
    static OciImage image;

    @BeforeAll
    static void openImage() throws Exception {
        Path tarball = Path.of(System.getProperty("metalkube.image", "target/metalkube-image.tar"));
        if (!Files.isRegularFile(tarball)) {
            if (Boolean.getBoolean("metalkube.image.required")) {
                throw new AssertionError(tarball + " is missing although -Pimage built it");
            }
            Assumptions.abort(tarball + " is missing: bin/image (or ./mvnw verify -Pimage, as .ci/run does) builds it");
        }
        image = OciImage.open(tarball, dir.resolve("oci"));
    }

    @Test
    void theConfigRunsTheOperatorAsANonRootUserWithContainerJvmFlagsPortsAndLabels() {
        JsonNode c = image.container();
        assertThat(c.path("User").asText()).isEqualTo("10001:10001");
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-XX:SharedArchiveFile=" + CDS_ARCHIVE, "io.metalkube.bootstrap.Application");
        assertThat(image.env()).contains("JAVA_HOME=/opt/java", "PATH=/opt/java/bin:/usr/bin:/bin");
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "9443/tcp");
        JsonNode labels = c.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("MetalKube operator");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isNotBlank();
        assertThat(labels.path("io.metalkube.base.debian-packages").asText()).contains("libc6=", "zlib1g=", "ca-certificates=", "tzdata=");
        assertThat(labels.path("io.metalkube.base.java-modules").asText()).contains("java.base").doesNotContain("jdk.compiler", "jdk.jshell");
    }

    @Test
    void theFileSystemIsADistrolessBaseWithAJlinkRuntimeAndALeanClassPath() throws Exception {
        Path root = rootFs();
        assertThat(root.resolve("bin/sh")).doesNotExist();
        assertThat(root.resolve("usr/bin/apt")).doesNotExist();
        assertThat(root.resolve("etc/ssl/certs/ca-certificates.crt")).isNotEmptyFile();
        assertThat(root.resolve("usr/share/zoneinfo/Europe/Berlin")).exists();
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("metalkube:x:10001:10001:");
        assertThat(Files.readString(root.resolve("opt/java/release"))).contains("MODULES=").doesNotContain("jdk.compiler");
        assertThat(root.resolve(CDS_ARCHIVE.substring(1))).isNotEmptyFile();
        try (var libs = Files.list(root.resolve("app/libs"))) {
            assertThat(libs.map(p -> p.getFileName().toString()).toList()).isNotEmpty()
                    .noneMatch(n -> n.contains("mockwebserver") || n.contains("server-mock") || n.contains("vertx") || n.startsWith("bc"));
        }
    }

    @Test
    void theEntrypointInAChrootWithAReadOnlyRootAnswersHealthUsesTheCdsArchiveAndStopsOnSigterm() throws Exception {
        Optional<String> noChroot = ChrootContainer.unavailable();
        if (noChroot.isPresent()) {
            System.out.println("ImageChrootIT: the chroot start is skipped: " + noChroot.get());
            Assumptions.abort(noChroot.get());
        }
        Path root = rootFs();
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             ImageOperator operator = ImageOperator.start(image, root, api.url(),
                     List.of("-Xlog:class+load=info:file=/tmp/class-load.log"), Map.of(), dir.resolve("image-operator.log"))) {
            operator.awaitReady(Duration.ofMinutes(3));

            HttpResponse<String> health = operator.get("/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(operator.get("/prometheus").body()).contains("metalkube_hosts{state=\"available\"}", "jvm_memory_used_bytes");
            assertThat(api.client().leases().inNamespace("default").withName("metalkube-operator").get())
                    .as("the Lease of leader election").isNotNull();
            String classLoads = Files.readString(Path.of("/proc", Long.toString(operator.pid()), "root", "tmp", "class-load.log"));
            assertThat(classLoads).as("classes of the operator come from the image's CDS archive")
                    .containsPattern("io\\.metalkube\\.bootstrap\\.Application source: shared objects file \\(top\\)");

            int exit = operator.stop(Duration.ofSeconds(60));
            assertThat(exit).as(operator.output()).isIn(0, 143);
            assertThat(operator.output()).doesNotContain("Exception in thread", "Read-only file system", "[warning][cds]");
        }
    }

    private static synchronized Path rootFs() throws Exception {
        Path root = dir.resolve("rootfs");
        if (!Files.isDirectory(root)) {
            image.unpackRootFs(root);
        }
        return root;
    }
}
