package io.metalkube.ironic.peers;

import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OpenStack's sushy-tools Redfish BMC emulator (fake driver) from the shared test peers, as redfish.md §9 runs it:
 * Debian's {@code /usr/bin/python3}, 127.0.0.1 on a free port, a fresh state directory (the emulator keeps power and
 * media across restarts), HTTP basic auth from a bcrypt cost-4 htpasswd (cost 12 would add 0.19 s to every request),
 * and fake systems with fixed UUIDs and MACs, all powered off. Stopped by PID. The peers folder is found through
 * {@code METALKUBE_PEERS} (set by bin/peers-home.sh), else {@code ../shared/peers} beside the project; without it,
 * or without Debian's python3-flask, the test is skipped with the reason.
 */
public final class SushyEmulator implements AutoCloseable {

    public static final String USER = "admin";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One emulated ComputerSystem. */
    public record FakeSystem(String uuid, String name, String mac) {
    }

    private final Path dir;
    private final int port;
    private final String password;
    private final List<FakeSystem> systems;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private SushyEmulator(Path dir, int port, String password, List<FakeSystem> systems, Process process) {
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.systems = systems;
        this.process = process;
    }

    /** Starts an emulator with {@code count} systems, or skips the calling test (with the reason) when it cannot. */
    public static SushyEmulator start(int count) {
        Path sushy = peers().resolve("sushy-tools");
        assumeTrue(Files.isDirectory(sushy.resolve("sushy_tools")),
                "the sushy-tools emulator is not in the shared test peers (" + sushy + "); set METALKUBE_PEERS or see ../shared/peers/README.md");
        assumeTrue(Files.isExecutable(PYTHON) && python("import flask, bcrypt, requests, tenacity, webob"),
                "Debian's python3-flask, python3-bcrypt, python3-requests, python3-tenacity and python3-webob are needed for the"
                        + " Redfish emulator; run bin/install-peers.sh");
        try {
            Path dir = Files.createTempDirectory("metalkube-sushy-");
            String password = "pw-" + Long.toHexString(System.nanoTime());
            Path htpasswd = dir.resolve("htpasswd");
            RealIronic.run(List.of(PYTHON.toString(), "-c", "import bcrypt,sys; open(sys.argv[1],'w').write(sys.argv[2]+':'"
                    + "+bcrypt.hashpw(sys.argv[3].encode(),bcrypt.gensalt(rounds=4)).decode()+'\\n')", htpasswd.toString(), USER, password),
                    dir.resolve("htpasswd.log"), Duration.ofSeconds(30));
            List<FakeSystem> systems = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                systems.add(new FakeSystem(String.format("5ea1d0c7-0000-4000-8000-%012x", ProcessHandle.current().pid() * 100 + i),
                        "fake-" + i, String.format("52:54:00:5e:%02x:%02x", (int) (ProcessHandle.current().pid() % 256), i)));
            }
            int port = FreePorts.tcp();
            Path config = dir.resolve("emulator.conf");
            Files.writeString(config, config(dir, port, htpasswd, systems));
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-m", "sushy_tools.emulator.main", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("emulator.log").toFile()).directory(dir.toFile());
            pb.environment().put("PYTHONPATH", sushy.toString());
            pb.environment().put("PBR_VERSION", "1.0.0"); // the peer copy has no git metadata for pbr
            SushyEmulator emulator = new SushyEmulator(dir, port, password, List.copyOf(systems), pb.start());
            emulator.awaitReady(Duration.ofSeconds(30));
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sushy-tools emulator", e);
        }
    }

    static String config(Path dir, int port, Path htpasswd, List<FakeSystem> systems) {
        StringBuilder s = new StringBuilder();
        s.append("SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'\n");
        s.append("SUSHY_EMULATOR_LISTEN_PORT = ").append(port).append('\n');
        s.append("SUSHY_EMULATOR_FAKE_DRIVER = True\n");
        s.append("SUSHY_EMULATOR_STATE_DIR = '").append(dir.resolve("state")).append("'\n");
        s.append("SUSHY_EMULATOR_AUTH_FILE = '").append(htpasswd).append("'\n");
        s.append("SUSHY_EMULATOR_FAKE_SYSTEMS = [\n");
        for (FakeSystem f : systems) {
            s.append("    {'uuid': '").append(f.uuid()).append("', 'name': '").append(f.name()).append("', 'power_state': 'Off',")
                    .append(" 'nics': [{'mac': '").append(f.mac()).append("', 'ip': '192.0.2.10'}]},\n");
        }
        s.append("]\n");
        return s.toString();
    }

    static Path peers() {
        String env = System.getenv("METALKUBE_PEERS");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        return Path.of("..", "..", "shared", "peers").toAbsolutePath().normalize(); // module dir → project root → ../shared/peers
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public List<FakeSystem> systems() {
        return systems;
    }

    /** A metal3 BMC address for system {@code index} (0-based) with the given scheme, e.g. {@code redfish-virtualmedia+http}. */
    public String address(String scheme, int index) {
        return scheme + "://127.0.0.1:" + port + "/redfish/v1/Systems/" + systems.get(index).uuid();
    }

    /** The system's Redfish resource, read directly from the emulator (not through Ironic). */
    public Map<String, Object> system(int index) {
        return get("/redfish/v1/Systems/" + systems.get(index).uuid());
    }

    /** "On" or "Off", as the emulator reports it now. */
    public String powerState(int index) {
        return String.valueOf(system(index).get("PowerState"));
    }

    @SuppressWarnings("unchecked")
    public String bootTarget(int index) {
        return String.valueOf(((Map<String, Object>) system(index).get("Boot")).get("BootSourceOverrideTarget"));
    }

    /** The system's virtual CD: {@code Inserted} and {@code Image}. */
    public Map<String, Object> virtualCd(int index) {
        return get("/redfish/v1/Systems/" + systems.get(index).uuid() + "/VirtualMedia/Cd");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("the emulator answered " + r.statusCode() + " to GET " + path + ": " + r.body());
            }
            return JSON.readValue(r.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path + " from the emulator: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited with " + process.exitValue() + "; see " + dir.resolve("emulator.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/redfish/v1/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the emulator", e);
            }
            RealIronic.sleep(100);
        }
        close();
        throw new IllegalStateException("the emulator did not answer within " + timeout + "; see " + dir.resolve("emulator.log"));
    }

    /** Stops the process this harness started (by its PID: SIGTERM, then SIGKILL) and removes its files. */
    @Override
    public void close() {
        RealIronic.stopProcess(process);
        http.close();
        RealIronic.deleteTree(dir);
    }

    private static boolean python(String code) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
