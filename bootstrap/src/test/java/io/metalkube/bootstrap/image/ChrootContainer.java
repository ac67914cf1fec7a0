package io.metalkube.bootstrap.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image's entrypoint started roughly as a container runtime starts it, without one: in a private mount
 * namespace (optionally with the root mounted read-only and a tmpfs on /tmp), /proc and /dev/null, zero, random, urandom mounted,
 * chroot'ed, as the image's user, with only the image's environment plus {@code extraEnv}. {@code unshare} and {@code sh} exec into
 * {@code chroot}, which execs the entrypoint, so the returned process is the JVM itself (SIGTERM reaches it directly);
 * the mounts vanish with it.
 */
public final class ChrootContainer {

    private static final List<String> DEVICES = List.of("null", "zero", "random", "urandom");

    private ChrootContainer() {
    }

    /** Why chroot cannot be used here, if it cannot (not root, or no mount namespaces): then tests skip and say so. */
    public static Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "chroot", "/", "true")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of("chroot in a private mount namespace is not permitted here (unshare -m chroot / true: " + out.strip() + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unshare/chroot are not installed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing chroot");
        }
    }

    /**
     * Starts {@code command} (the entrypoint, with any extra arguments) in {@code root}, read-only with a tmpfs /tmp if
     * {@code readOnlyRoot}; output goes to {@code log}.
     */
    public static Process start(Path root, boolean readOnlyRoot, String user, List<String> imageEnv, Map<String, String> extraEnv,
                                List<String> command, Path log) throws IOException {
        String r = quote(root.toAbsolutePath().toString());
        StringBuilder script = new StringBuilder("set -e; C=$(command -v chroot); ");
        for (String dev : DEVICES) {
            script.append(": > ").append(r).append("/dev/").append(dev).append("; ");
        }
        // the root read-only, as deploy/deployment.yaml runs it (readOnlyRootFilesystem), with a tmpfs on /tmp (its emptyDir)
        if (readOnlyRoot) {
            script.append("mount --bind ").append(r).append(' ').append(r).append("; mount -o remount,bind,ro ").append(r).append("; ");
            script.append("mount -t tmpfs -o mode=1777 tmpfs ").append(r).append("/tmp; ");
        }
        script.append("mount -t proc proc ").append(r).append("/proc; ");
        for (String dev : DEVICES) {
            script.append("mount --bind /dev/").append(dev).append(' ').append(r).append("/dev/").append(dev).append("; ");
        }
        // the host's PATH finds unshare, mount and chroot; the image's PATH is what the entrypoint sees
        String imagePath = imageEnv.stream().filter(kv -> kv.startsWith("PATH=")).map(kv -> kv.substring(5)).findFirst().orElse("/usr/bin:/bin");
        script.append("PATH=").append(quote(imagePath)).append("; export PATH; ");
        script.append("exec \"$C\" --userspec=").append(quote(user)).append(' ').append(r);
        for (String arg : command) {
            script.append(' ').append(quote(arg));
        }
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        for (String kv : imageEnv) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        pb.environment().putAll(extraEnv);
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        Files.createDirectories(log.getParent());
        return pb.start();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
