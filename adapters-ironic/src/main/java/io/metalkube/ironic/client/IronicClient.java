package io.metalkube.ironic.client;

import io.metalkube.ironic.wire.DriverJson;
import io.metalkube.ironic.wire.ErrorJson;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;
import io.metalkube.ironic.wire.NodeListJson;
import io.metalkube.ironic.wire.PortJson;
import io.metalkube.ironic.wire.PortListJson;
import io.metalkube.ironic.wire.RootJson;
import io.metalkube.ironic.wire.ValidationJson;
import io.metalkube.ironic.wire.Wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ironic's REST API v1, typed. Negotiates the microversion from the root document once and sends it on every call
 * ({@code X-OpenStack-Ironic-API-Version}); retries 409 (node locked) with a growing delay within a budget; maps
 * 503/5xx, unreachable and malformed answers to {@link IronicException.Unavailable}. Never logs bodies.
 */
public final class IronicClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IronicClient.class.getName());
    static final String VERSION_HEADER = "X-OpenStack-Ironic-API-Version";

    private final HttpTransport transport;
    private final String endpointText;
    private final String authorization;
    private final Duration lockRetryBudget;
    private final Duration lockRetryDelay;
    private final AtomicLong calls = new AtomicLong();
    private volatile ApiVersion version;

    /**
     * @param basicAuthUser     null for noauth
     * @param lockRetryBudget   how long to keep retrying a 409 before reporting {@link IronicException.Busy}
     * @param lockRetryDelay    the first delay after a 409 (doubled up to 2 s)
     */
    public IronicClient(HttpTransport transport, String endpointText, String basicAuthUser, String basicAuthPassword,
                        Duration lockRetryBudget, Duration lockRetryDelay) {
        this.transport = transport;
        this.endpointText = endpointText;
        this.authorization = basicAuthUser == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((basicAuthUser + ":" + basicAuthPassword).getBytes(StandardCharsets.UTF_8));
        this.lockRetryBudget = lockRetryBudget;
        this.lockRetryDelay = lockRetryDelay;
    }

    /** HTTP requests sent so far (every retry counts), for the calls-per-reconcile benchmark. */
    public long calls() {
        return calls.get();
    }

    /** Ironic's endpoint as configured, for messages. */
    public String endpoint() {
        return endpointText;
    }

    /** The negotiated microversion, negotiating first if needed. */
    public ApiVersion version() {
        ApiVersion v = version;
        if (v == null) {
            synchronized (this) {
                if (version == null) {
                    version = negotiate();
                }
                v = version;
            }
        }
        return v;
    }

    private ApiVersion negotiate() {
        HttpTransport.Response r = exchange("GET", "/", null, false);
        if (r.status() != 200) {
            throw failure("GET /", r);
        }
        RootJson root = parse(r, RootJson.class, "GET /");
        RootJson.Version v1 = root.versions().stream().filter(v -> "v1".equals(v.id())).findFirst()
                .orElse(root.defaultVersion());
        if (v1 == null || v1.version() == null || v1.minVersion() == null) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " lists no v1 API with min_version and version in its root document", null);
        }
        ApiVersion min;
        ApiVersion max;
        try {
            min = ApiVersion.parse(v1.minVersion());
            max = ApiVersion.parse(v1.version());
        } catch (IllegalArgumentException e) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " announces an unreadable API version: " + e.getMessage(), e);
        }
        ApiVersion chosen = ApiVersion.negotiate(min, max);
        if (chosen == null) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " supports API " + min + " to " + max
                    + " but MetalKube needs at least " + ApiVersion.REQUIRED + "; upgrade Ironic", null);
        }
        LOG.log(System.Logger.Level.INFO, () -> "Ironic at " + endpointText + " supports API " + min + "-" + max + "; using " + chosen);
        return chosen;
    }

    // ---- nodes ----------------------------------------------------------------------------------------------------

    /** The node with this UUID or name; empty when Ironic has none. */
    public Optional<NodeJson> findNode(String idOrName) {
        String path = "/v1/nodes/" + encode(idOrName);
        HttpTransport.Response r = call("GET", path, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(expect(r, "GET " + path, 200), NodeJson.class, "GET " + path));
    }

    public NodeJson createNode(Map<String, Object> body) {
        HttpTransport.Response r = call("POST", "/v1/nodes", Wire.write(body));
        return parse(expect(r, "POST /v1/nodes", 201, 200), NodeJson.class, "POST /v1/nodes");
    }

    public NodeJson patchNode(String id, JsonPatch patch) {
        String path = "/v1/nodes/" + encode(id);
        HttpTransport.Response r = call("PATCH", path, Wire.write(patch.operations()));
        return parse(expect(r, "PATCH " + path + " " + patch.paths(), 200), NodeJson.class, "PATCH " + path);
    }

    /** {@code PUT /v1/nodes/{id}/states/provision} (202 Accepted). */
    public void changeProvisionState(String id, Map<String, Object> body) {
        String path = "/v1/nodes/" + encode(id) + "/states/provision";
        expect(call("PUT", path, Wire.write(body)), "PUT " + path + " target=" + body.get("target"), 202, 200, 204);
    }

    /** {@code PUT /v1/nodes/{id}/states/power} (202 Accepted). */
    public void changePowerState(String id, Map<String, Object> body) {
        String path = "/v1/nodes/" + encode(id) + "/states/power";
        expect(call("PUT", path, Wire.write(body)), "PUT " + path + " target=" + body.get("target"), 202, 200, 204);
    }

    /** {@code PUT /v1/nodes/{id}/maintenance}: maintenance on, with a reason shown to Ironic's operators. */
    public void setMaintenance(String id, String reason) {
        String path = "/v1/nodes/" + encode(id) + "/maintenance";
        expect(call("PUT", path, Wire.write(Map.of("reason", reason))), "PUT " + path, 202, 200, 204);
    }

    /** Deletes the node; a node that is already gone is fine. */
    public void deleteNode(String id) {
        String path = "/v1/nodes/" + encode(id);
        HttpTransport.Response r = call("DELETE", path, null);
        if (r.status() != 404) {
            expect(r, "DELETE " + path, 204, 200, 202);
        }
    }

    public ValidationJson validate(String id) {
        String path = "/v1/nodes/" + encode(id) + "/validate";
        return parse(expect(call("GET", path, null), "GET " + path, 200), ValidationJson.class, "GET " + path);
    }

    /** Built-in inspection data (API 1.81); empty when the server is older or the node has none. */
    public Optional<Map<?, ?>> inventory(String id) {
        if (!version().atLeast(ApiVersion.INVENTORY)) {
            return Optional.empty();
        }
        String path = "/v1/nodes/" + encode(id) + "/inventory";
        HttpTransport.Response r = call("GET", path, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(expect(r, "GET " + path, 200), Map.class, "GET " + path));
    }

    /** Every node, with only {@code fields}, following Ironic's pagination. */
    public List<NodeJson> listNodes(String fields) {
        List<NodeJson> all = new ArrayList<>();
        String path = "/v1/nodes?limit=1000&fields=" + encode(fields);
        for (int page = 0; page < 1000 && path != null; page++) {
            NodeListJson list = parse(expect(call("GET", path, null), "GET /v1/nodes", 200), NodeListJson.class, "GET /v1/nodes");
            all.addAll(list.nodes());
            path = list.next() == null || list.nodes().isEmpty() ? null
                    : "/v1/nodes?limit=1000&fields=" + encode(fields) + "&marker=" + encode(list.nodes().getLast().uuid());
        }
        return all;
    }

    // ---- ports ----------------------------------------------------------------------------------------------------

    public List<PortJson> portsWithAddress(String mac) {
        String path = "/v1/ports?fields=uuid,address,node_uuid&address=" + encode(mac);
        return parse(expect(call("GET", path, null), "GET /v1/ports", 200), PortListJson.class, "GET /v1/ports").ports();
    }

    /** {@code GET /v1/drivers/{name}}: the interfaces this Ironic enables for a hardware type; empty when it is not enabled. */
    public Optional<DriverJson> driver(String name) {
        String path = "/v1/drivers/" + encode(name);
        HttpTransport.Response r = call("GET", path, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(expect(r, "GET " + path, 200), DriverJson.class, "GET " + path));
    }

    public void createPort(String nodeUuid, String mac) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node_uuid", nodeUuid);
        body.put("address", mac);
        body.put("pxe_enabled", true);
        HttpTransport.Response r = call("POST", "/v1/ports", Wire.write(body));
        expect(r, "POST /v1/ports", 201, 200);
    }

    // ---- mechanics ------------------------------------------------------------------------------------------------

    /** One call with the negotiated version, retrying 409 within the budget. */
    private HttpTransport.Response call(String method, String path, String body) {
        version();
        long deadline = System.nanoTime() + lockRetryBudget.toNanos();
        long delay = Math.max(1, lockRetryDelay.toMillis());
        while (true) {
            HttpTransport.Response r = exchange(method, path, body, true);
            if (r.status() != 409) {
                return r;
            }
            if (System.nanoTime() + delay * 1_000_000 > deadline) {
                throw new IronicException.Busy("Ironic kept answering 409 Conflict to " + method + " " + path.replaceAll("\\?.*", "")
                        + " for " + lockRetryBudget.toMillis() + " ms: " + ErrorJson.message(r.body()));
            }
            sleep(delay);
            delay = Math.min(delay * 2, 2000);
        }
    }

    private HttpTransport.Response exchange(String method, String path, String body, boolean versioned) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (versioned) {
            headers.put(VERSION_HEADER, version.toString());
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        calls.incrementAndGet();
        HttpTransport.Response r;
        try {
            r = transport.send(method, path, headers, body);
        } catch (HttpTransport.TransportException e) {
            throw new IronicException.Unavailable(e.getMessage(), e);
        }
        if (r.status() == 503) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " is not ready (503 Service Unavailable) for "
                    + method + " " + stripQuery(path) + ": " + ErrorJson.message(r.body()), null);
        }
        if (r.status() >= 500) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " failed internally (" + r.status() + ") for "
                    + method + " " + stripQuery(path) + ": " + ErrorJson.message(r.body()), null);
        }
        if (r.status() == 401 || r.status() == 403) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " refused MetalKube's credentials (" + r.status()
                    + "); check the Ironic user name and password in the MetalKube configuration", null);
        }
        return r;
    }

    private HttpTransport.Response expect(HttpTransport.Response r, String what, int... ok) {
        for (int s : ok) {
            if (r.status() == s) {
                return r;
            }
        }
        throw failure(what, r);
    }

    private IronicException failure(String what, HttpTransport.Response r) {
        return new IronicException.Rejected(r.status(), "Ironic refused " + stripQuery(what) + " (" + r.status() + "): " + ErrorJson.message(r.body()));
    }

    private <T> T parse(HttpTransport.Response r, Class<T> type, String what) {
        try {
            return Wire.parse(r.body(), type);
        } catch (Wire.MalformedJsonException e) {
            throw new IronicException.Unavailable("Ironic at " + endpointText + " answered " + stripQuery(what)
                    + " with a malformed response: " + e.getMessage(), e);
        }
    }

    private static String stripQuery(String path) {
        return path.replaceAll("\\?[^ ]*", "");
    }

    /** Percent-encodes a path segment or query value; "~" (in node names "namespace~name") is unreserved (RFC 3986 §2.3). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%7E", "~").replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IronicException.Unavailable("interrupted while waiting to retry a locked Ironic node", e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
