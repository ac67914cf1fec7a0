package io.metalkube.ironic.peers;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Ironic for contract tests: Debian's all-in-one {@code /usr/bin/ironic} (API + conductor, no RPC bus),
 * sqlite, noauth, on 127.0.0.1 and a free port, configured as real-peers.md §4.1 describes, plus the redfish and
 * idrac hardware types as redfish.md §9 runs them against sushy-tools (ipxe, virtual-media boot, ramdisk and
 * custom-agent deploy, {@code [redfish] use_swift = false}). One per test JVM, started on first use and stopped by
 * PID when the JVM exits. Power sync every second without forcing, so Ironic adopts out-of-band power changes of the
 * simulated BMCs quickly. A loopback HTTP server (in this JVM) serves Ironic's {@code [deploy] http_root} (virtual
 * media and iPXE files the emulator downloads) and, under {@code /images/}, files tests put in {@link #imagesDir()}.
 */
public final class RealIronic {

    /** {@code [ipmi] command_retry_timeout}: how long Ironic retries a failing ipmitool call (wrong password, dead BMC). */
    public static final Duration IPMI_COMMAND_RETRY_TIMEOUT = Duration.ofSeconds(6);

    private static final Path IRONIC = Path.of("/usr/bin/ironic");
    private static final Path DBSYNC = Path.of("/usr/bin/ironic-dbsync");
    private static RealIronic shared;

    private final Path dir;
    private final int port;
    private final Process process;
    private final HttpServer files;

    private RealIronic(Path dir, int port, Process process, HttpServer files) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.files = files;
    }

    /** The JVM-wide instance; the test is skipped (with the reason) where Ironic is not installed. */
    public static synchronized RealIronic shared() {
        assumeTrue(Files.isExecutable(IRONIC) && Files.isExecutable(DBSYNC),
                "Debian's ironic-common is not installed (run bin/install-peers.sh); the real-Ironic contract needs /usr/bin/ironic");
        if (shared == null) {
            shared = start();
            RealIronic started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-real-ironic"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path logFile() {
        return dir.resolve("ironic.log");
    }

    /** Files put here are served at {@link #imageUrl(String)} (for image and boot ISO URLs Ironic downloads). */
    public Path imagesDir() {
        return dir.resolve("www");
    }

    public String imageUrl(String fileName) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/images/" + fileName;
    }

    private static RealIronic start() {
        try {
            Path dir = Files.createTempDirectory("metalkube-ironic-");
            int port = FreePorts.tcp();
            for (String sub : List.of("tmp", "tftpboot/master_images", "images", "master_images", "httpboot", "locks", "allowed-images", "www")) {
                Files.createDirectories(dir.resolve(sub));
            }
            HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            files.createContext("/", SimpleFileServer.createFileHandler(dir.resolve("httpboot").toAbsolutePath()));
            files.createContext("/images/", SimpleFileServer.createFileHandler(dir.resolve("www").toAbsolutePath()));
            files.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "ironic-http-root");
                t.setDaemon(true);
                return t;
            }));
            files.start();
            try {
                Path conf = dir.resolve("ironic.conf");
                Files.writeString(conf, config(dir, port, files.getAddress().getPort()));
                run(List.of(DBSYNC.toString(), "--config-file", conf.toString(), "create_schema"), dir.resolve("dbsync.log"), Duration.ofSeconds(60));
                Process p = new ProcessBuilder(IRONIC.toString(), "--config-file", conf.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
                RealIronic ironic = new RealIronic(dir, port, p, files);
                ironic.awaitReady(Duration.ofSeconds(60));
                return ironic;
            } catch (IOException | RuntimeException e) {
                files.stop(0);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the real Ironic", e);
        }
    }

    static String config(Path dir, int port, int httpPort) {
        return """
                [DEFAULT]
                auth_strategy = noauth
                rpc_transport = none
                host = metalkube-test
                state_path = %1$s
                tempdir = %1$s/tmp
                debug = false
                log_file = %1$s/ironic.log
                enabled_hardware_types = fake-hardware,ipmi,redfish,idrac
                enabled_boot_interfaces = fake,pxe,ipxe,redfish-virtual-media,idrac-redfish-virtual-media
                enabled_deploy_interfaces = fake,ramdisk,direct,custom-agent
                enabled_management_interfaces = fake,ipmitool,redfish,idrac-redfish
                enabled_power_interfaces = fake,ipmitool,redfish,idrac-redfish
                enabled_inspect_interfaces = fake,no-inspect,redfish
                enabled_vendor_interfaces = fake,ipmitool,no-vendor,redfish,idrac-redfish
                enabled_console_interfaces = fake,no-console
                enabled_raid_interfaces = fake,no-raid,redfish,idrac-redfish
                enabled_rescue_interfaces = fake,no-rescue
                enabled_bios_interfaces = fake,no-bios,redfish,idrac-redfish
                enabled_network_interfaces = noop
                enabled_storage_interfaces = noop

                [api]
                host_ip = 127.0.0.1
                port = %2$d
                api_workers = 1

                [database]
                connection = sqlite:///%1$s/ironic.sqlite

                [conductor]
                automated_clean = false
                sync_power_state_interval = 1
                force_power_state_during_sync = false
                file_url_allowed_paths = %1$s/allowed-images

                [dhcp]
                dhcp_provider = none

                [ipmi]
                min_command_interval = 1
                command_retry_timeout = %3$d

                [redfish]
                use_swift = false
                connection_attempts = 2
                connection_retry_interval = 1

                [pxe]
                tftp_root = %1$s/tftpboot
                tftp_master_path = %1$s/tftpboot/master_images
                images_path = %1$s/images
                instance_master_path = %1$s/master_images

                [deploy]
                http_root = %1$s/httpboot
                http_url = http://127.0.0.1:%4$d

                [oslo_concurrency]
                lock_path = %1$s/locks
                """.formatted(dir, port, IPMI_COMMAND_RETRY_TIMEOUT.toSeconds(), httpPort);
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ironic exited with " + process.exitValue() + " during start-up; see " + dir);
            }
            if (logContainsError()) {
                terminate();
                throw new IllegalStateException("Ironic logged an ERROR during start-up; see " + logFile());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/v1")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Ironic", e);
            }
            sleep(100);
        }
        terminate();
        throw new IllegalStateException("Ironic did not answer GET /v1 within " + timeout + "; see " + dir);
    }

    private boolean logContainsError() {
        try {
            return Files.exists(logFile()) && Files.readString(logFile()).contains(" ERROR ");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the process this harness started (SIGTERM, then SIGKILL after 10 s) and removes its files. */
    public void stop() {
        terminate();
        files.stop(0);
        deleteTree(dir);
    }

    private void terminate() {
        stopProcess(process);
    }

    /** Stops one process a harness started, by its PID: SIGTERM, then SIGKILL after 10 s. */
    static void stopProcess(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    static void run(List<String> command, Path log, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish within " + timeout + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed with exit code " + p.exitValue() + "; see " + log);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
