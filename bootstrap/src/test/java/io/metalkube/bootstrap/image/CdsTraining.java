package io.metalkube.bootstrap.image;

import io.metalkube.kubernetes.EmbeddedApiServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bin/image's training run: starts the not-yet-trained image (its entrypoint, in a chroot) against an embedded API
 * server until it is ready and has answered health and Prometheus, stops it with SIGTERM, and keeps the class-data
 * sharing archive the JVM wrote on exit. The archive records the image's exact class path, so it must come from the
 * image's own file system. Usage: CdsTraining IMAGE_TAR ARCHIVE_PATH_IN_IMAGE OUTPUT_DIR
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path tarball = Path.of(args[0]);
        String archive = args[1];
        Path output = Path.of(args[2]);
        ChrootContainer.unavailable().ifPresent(reason -> {
            throw new IllegalStateException("the CDS archive needs a training run in a chroot: " + reason);
        });
        Path work = Files.createTempDirectory("metalkube-cds-training");
        try (EmbeddedApiServer api = EmbeddedApiServer.start()) {
            OciImage image = OciImage.open(tarball, work.resolve("image"));
            Path root = image.unpackRootFs(work.resolve("rootfs"));
            Path inImage = root.resolve(archive.substring(1));
            Files.createDirectories(inImage.getParent());
            inImage.getParent().toFile().setWritable(true, false);
            try (ImageOperator operator = ImageOperator.start(image, root, false, api.url(), List.of("-XX:ArchiveClassesAtExit=" + archive),
                    Map.of(), work.resolve("training.log"))) {
                Duration ready = operator.awaitReady(Duration.ofMinutes(3));
                operator.get("/health");
                operator.get("/prometheus");
                int exit = operator.stop(Duration.ofMinutes(2));
                if (!Files.isRegularFile(inImage)) {
                    throw new IllegalStateException("the training run (exit " + exit + ") wrote no archive " + archive + ":\n" + operator.output());
                }
                Path target = output.resolve(archive.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(inImage, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.printf("CDS training: ready after %d ms, archive %s (%d KiB)%n", ready.toMillis(), target, Files.size(target) / 1024);
            }
        } finally {
            try (var tree = Files.walk(work)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
