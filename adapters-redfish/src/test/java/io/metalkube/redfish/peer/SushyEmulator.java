package io.metalkube.redfish.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real sushy-tools emulator (OpenStack's Redfish BMC emulator, fake driver) on 127.0.0.1 and a free port, as
 * redfish.md §9 runs it: a fresh STATE_DIR, a bcrypt cost-4 htpasswd (cost 12 would add 0.19 s to every request),
 * {@code systems} fake systems with fixed UUIDs, optionally TLS. Started and stopped by PID. Its truth (power,
 * virtual media, boot target) is read over HTTP with Basic auth, independent of the adapter; power can be set out of
 * band in the emulator's own state database, as someone pressing the power button would.
 */
public final class SushyEmulator implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "emulator-pass-7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path dir;
    private final Path config;
    private final int port;
    private final boolean tls;
    private final List<String> uuids;
    private final List<String> pythonPath;
    private final HttpClient client;
    private final AtomicInteger handedOut = new AtomicInteger();
    private volatile Process process;

    private SushyEmulator(Path dir, Path config, int port, boolean tls, List<String> uuids, List<String> pythonPath) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.tls = tls;
        this.uuids = List.copyOf(uuids);
        this.pythonPath = pythonPath;
        this.client = HttpClient.newBuilder().sslContext(trustAll()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts an emulator with {@code systems} fake systems, all powered off; skips the test when sushy-tools is missing. */
    public static SushyEmulator start(String name, int systems) {
        return start(name, systems, null);
    }

    /** As {@link #start(String, int)}, serving HTTPS with this certificate and key (PEM files). */
    public static SushyEmulator start(String name, int systems, Path[] certificateAndKey) {
        return start(name, systems, certificateAndKey, false);
    }

    /**
     * As {@link #start(String, int)}, with UEFI HTTP boot completed in the fake driver. sushy-tools' PATCH handler
     * serves {@code Boot.HttpBootUri} (main.py: it downloads the URI into the virtual CD, records the URI and reports
     * the target as Cd), but only its libvirt driver implements the two methods that record and report the URI; with
     * the fake driver the PATCH downloads the image and then answers 400 "Failed to save HttpBootUri field value.".
     * This emulator's config file (Python, loaded by Flask) gives the fake driver those two methods, keeping the URI
     * per system in the driver's own state; everything else is the emulator's own code, unchanged.
     */
    public static SushyEmulator startWithHttpBootUri(String name, int systems) {
        return start(name, systems, null, true);
    }

    private static final String HTTP_BOOT_URI_FOR_THE_FAKE_DRIVER = """
            import flask as _flask
            from sushy_tools.emulator.resources.systems import fakedriver as _fakedriver
            def _get_http_boot_uri(self, identity):
                return self._get(identity).get('http_boot_uri')
            def _set_http_boot_uri(self, uri):
                self._update(_flask.request.view_args['identity'], http_boot_uri=uri)
            _fakedriver.FakeDriver.get_http_boot_uri = _get_http_boot_uri
            _fakedriver.FakeDriver.set_http_boot_uri = _set_http_boot_uri
            """;

    private static SushyEmulator start(String name, int systems, Path[] certificateAndKey, boolean httpBootUri) {
        List<String> pythonPath = Peers.sushyPythonPath();
        try {
            Path dir = Files.createTempDirectory("sushy-" + name + "-");
            int run = RUNS.incrementAndGet();
            List<String> uuids = new ArrayList<>();
            StringBuilder fakes = new StringBuilder();
            for (int i = 1; i <= systems; i++) {
                String uuid = UUID.nameUUIDFromBytes((name + "-" + ProcessHandle.current().pid() + "-" + run + "-" + i)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                uuids.add(uuid);
                fakes.append("    {'uuid': '%s', 'name': '%s-%d', 'power_state': 'Off', 'nics': [{'mac': '52:54:00:%02x:%02x:%02x', 'ip': '192.0.2.%d'}]},\n"
                        .formatted(uuid, name, i, run & 0xff, i >> 8, i & 0xff, i % 250 + 1));
            }
            Path htpasswd = dir.resolve("htpasswd");
            Files.writeString(htpasswd, Peers.run(List.of(Peers.PYTHON.toString(), "-c", "import bcrypt,sys; print(sys.argv[1] + ':'"
                    + " + bcrypt.hashpw(sys.argv[2].encode(), bcrypt.gensalt(rounds=4)).decode())", USER, PASSWORD), Map.of(), 30).strip() + "\n");
            int port = Peers.freePort();
            String tlsLines = certificateAndKey == null ? "" : "SUSHY_EMULATOR_SSL_CERT = '%s'\nSUSHY_EMULATOR_SSL_KEY = '%s'\n"
                    .formatted(certificateAndKey[0], certificateAndKey[1]);
            Path config = dir.resolve("emulator.conf");
            Files.writeString(config, """
                    SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'
                    SUSHY_EMULATOR_LISTEN_PORT = %d
                    SUSHY_EMULATOR_FAKE_DRIVER = True
                    SUSHY_EMULATOR_AUTH_FILE = '%s'
                    SUSHY_EMULATOR_STATE_DIR = '%s'
                    SUSHY_EMULATOR_FAKE_SYSTEMS = [
                    %s]
                    %s%s""".formatted(port, htpasswd, dir.resolve("state"), fakes, tlsLines, httpBootUri ? HTTP_BOOT_URI_FOR_THE_FAKE_DRIVER : ""));
            SushyEmulator emulator = new SushyEmulator(dir, config, port, certificateAndKey != null, uuids, pythonPath);
            emulator.launch();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sushy-tools emulator", e);
        }
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Peers.PYTHON.toString(), "-m", "sushy_tools.emulator.main", "--config", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("emulator.log").toFile()));
        pb.environment().put("PBR_VERSION", "1.0.0");
        if (!pythonPath.isEmpty()) {
            pb.environment().put("PYTHONPATH", String.join(":", pythonPath));
        }
        process = pb.start();
        awaitReady();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the emulator exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base().resolve("/redfish/v1/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    getJson("/redfish/v1/Systems"); // the fake driver seeds its state database on first use
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            sleep(100);
        }
        throw new IOException("the emulator did not answer within 60 s: " + log());
    }

    /** Kills the emulator (SIGTERM by PID), as a BMC that dies would. */
    public void kill() {
        Peers.stop(process);
    }

    /** Starts it again on the same port with the same state, as a BMC coming back. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public URI base() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
    }

    public List<String> uuids() {
        return uuids;
    }

    /** A system not handed out before (a fresh peer for a contract test). */
    public String nextSystem() {
        int i = handedOut.getAndIncrement();
        if (i >= uuids.size()) {
            throw new IllegalStateException("the emulator has only " + uuids.size() + " systems");
        }
        return uuids.get(i);
    }

    /** The BMO-style address of a system: {@code redfish+http://127.0.0.1:PORT/redfish/v1/Systems/<uuid>}. */
    public String address(String uuid) {
        return (tls ? "redfish+https" : "redfish+http") + "://127.0.0.1:" + port + "/redfish/v1/Systems/" + uuid;
    }

    public BackendTarget target(String uuid) {
        return target(uuid, BmcCredentials.of(USER, PASSWORD), false);
    }

    public BackendTarget target(String uuid, BmcCredentials credentials, boolean disableCertificateVerification) {
        return new BackendTarget(new HostId("test", "host-" + uuid.substring(0, 8)), "", BmcAddress.parse(address(uuid)), credentials,
                "", disableCertificateVerification);
    }

    public static BackendTarget withWrongPassword(BackendTarget t) {
        return new BackendTarget(t.host(), t.provisionerId(), t.address(), BmcCredentials.of(t.credentials().username(), "wrong-pass-42"),
                t.bootMacAddress(), t.disableCertificateVerification());
    }

    public static String uuidOf(BackendTarget t) {
        String path = t.address().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- the emulator's truth ----------------------------------------------------------------------------------

    public JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " → " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean poweredOn(String uuid) {
        return getJson("/redfish/v1/Systems/" + uuid).path("PowerState").asText().equals("On");
    }

    /** The virtual CD's image URL when inserted, else null. */
    public String insertedImage(String uuid) {
        JsonNode cd = getJson("/redfish/v1/Systems/" + uuid + "/VirtualMedia/Cd");
        return cd.path("Inserted").asBoolean(false) ? cd.path("Image").asText() : null;
    }

    public String bootTarget(String uuid) {
        return getJson("/redfish/v1/Systems/" + uuid).path("Boot").path("BootSourceOverrideTarget").asText();
    }

    /** The system's {@code Boot.HttpBootUri}, or null when unset (the emulator reports an unset one as "None"). */
    public String httpBootUri(String uuid) {
        String uri = getJson("/redfish/v1/Systems/" + uuid).path("Boot").path("HttpBootUri").asText(null);
        return uri == null || uri.equals("None") ? null : uri;
    }

    public String bootMode(String uuid) {
        return getJson("/redfish/v1/Systems/" + uuid).path("Boot").path("BootSourceOverrideMode").asText();
    }

    /** PATCHes the system's Boot out of band (Basic auth, straight to the emulator), e.g. to put it in Legacy mode. */
    public void patchBoot(String uuid, String bootJson) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base().resolve("/redfish/v1/Systems/" + uuid)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Boot\": " + bootJson + "}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("PATCH Boot " + bootJson + " → " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A target for this system with another BMC address scheme, e.g. {@code redfish-uefihttp+http}. */
    public BackendTarget target(String uuid, String scheme) {
        return new BackendTarget(new HostId("test", "host-" + uuid.substring(0, 8)), "",
                BmcAddress.parse(scheme + "://127.0.0.1:" + port + "/redfish/v1/Systems/" + uuid), BmcCredentials.of(USER, PASSWORD), "", false);
    }

    /** Sets the power in the emulator's state database at once, cancelling any pending change (out of band). */
    public void setPower(String uuid, boolean on) {
        Map<String, String> env = new HashMap<>();
        env.put("PBR_VERSION", "1.0.0");
        if (!pythonPath.isEmpty()) {
            env.put("PYTHONPATH", String.join(":", pythonPath));
        }
        try {
            Peers.run(List.of(Peers.PYTHON.toString(), "-c", """
                    import sys
                    from sushy_tools.emulator import memoize
                    d = memoize.PersistentDict()
                    d.make_permanent(sys.argv[1], 'fakedriver')
                    s = d[sys.argv[2]]
                    s['power_state'] = sys.argv[3]
                    s['pending_power'] = None
                    d[sys.argv[2]] = s
                    """, dir.resolve("state").toString(), uuid, on ? "On" : "Off"), env, 30);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the emulator's power state", e);
        }
        if (poweredOn(uuid) != on) {
            throw new IllegalStateException("the emulator did not take the out-of-band power state");
        }
    }

    public String log() {
        try {
            Path log = dir.resolve("emulator.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        Peers.stop(process);
        client.shutdownNow();
        Peers.deleteTree(dir);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SSLContext trustAll() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509TrustManager() {
                @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                @Override public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
