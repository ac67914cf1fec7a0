package io.metalkube.redfish.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP gateway in front of a real Redfish peer (sushy-tools or DMTF's mockup server), for behaviour
 * neither peer has. Everything not listed here is the peer's own answer, forwarded unchanged.
 * <ul>
 *   <li><b>Sessions</b> (DSP0266 §13.3.5), which sushy-tools lacks: login POSTs to
 *       {@code /redfish/v1/SessionService/Sessions} are checked against the peer itself (a Basic-auth GET with the
 *       given user and password, so the peer's htpasswd decides), answered 201 with a random {@code X-Auth-Token}
 *       and a {@code Location}; token requests are forwarded with the session's Basic credentials; an unknown token
 *       gets 401 NoValidSession; {@link #deleteAllSessions()} is the BMC (or its admin) ending every session.</li>
 *   <li><b>ETags</b> (§6.5, §8.3), which neither peer sends: GETs carry a strong ETag of the body; a PATCH without
 *       If-Match gets 428, with a stale one 412.</li>
 *   <li><b>Faults</b> queued for the next matching request: a dropped connection, a 5xx with Retry-After, a
 *       202 task monitor (§12.2) in front of an action, a paged collection (§9.5.11), virtual media only under the
 *       Manager (classic BMCs).</li>
 * </ul>
 * Every request is recorded (method, path, If-Match, which authentication it carried).
 */
public final class RedfishGateway implements AutoCloseable {

    /** One request as the gateway received it; {@code body} is its text (empty when it had none). */
    public record Recorded(String method, String path, String ifMatch, boolean token, boolean basic, String body) {
    }

    /** A one-shot fault for the next request that matches. */
    public sealed interface Fault {
        record Drop() implements Fault { }
        record Status(int status, String retryAfter) implements Fault { }
        record Async(int pollsBeforeDone) implements Fault { }
    }

    private record Pending(Predicate<String> matches, Fault fault) {
    }

    private record Session(String id, String token, String user, String password) {
    }

    private record Monitor(int status, byte[] body, AtomicInteger pollsLeft) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(SushyEmulator.trustAll())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Pending> faults = new ConcurrentLinkedQueue<>();
    private final Map<String, Session> sessionsByToken = new ConcurrentHashMap<>();
    private final Map<String, Monitor> monitors = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean sessions;
    private volatile boolean etags;
    private volatile int pageSize;
    private volatile boolean virtualMediaOnlyUnderManager;
    private volatile UnaryOperator<ObjectNode> systemShape = UnaryOperator.identity();

    private RedfishGateway(HttpServer server, URI upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    public static RedfishGateway start(URI upstream) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            RedfishGateway g = new RedfishGateway(server, upstream);
            server.createContext("/", g::handle);
            server.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "redfish-gateway");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RedfishGateway withSessions() {
        sessions = true;
        return this;
    }

    public RedfishGateway withEtags() {
        etags = true;
        return this;
    }

    public RedfishGateway withPageSize(int size) {
        pageSize = size;
        return this;
    }

    public RedfishGateway withVirtualMediaOnlyUnderManager() {
        virtualMediaOnlyUnderManager = true;
        return this;
    }

    /**
     * Reshapes every ComputerSystem the peer serves as a vendor's BMC would show it (e.g. Supermicro's Manufacturer
     * and boot targets); requests still go to the peer, which keeps the state.
     */
    public RedfishGateway withSystemShape(UnaryOperator<ObjectNode> shape) {
        systemShape = shape;
        return this;
    }

    /** Queues a fault for the next request whose "METHOD path" matches. */
    public void inject(Predicate<String> methodAndPath, Fault fault) {
        faults.add(new Pending(methodAndPath, fault));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public int openSessions() {
        return sessionsByToken.size();
    }

    /** The BMC ends every session (an admin deleting them, a BMC reboot, an expiry); returns how many there were. */
    public int deleteAllSessions() {
        int n = sessionsByToken.size();
        sessionsByToken.clear();
        return n;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            byte[] body = ex.getRequestBody().readAllBytes();
            String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
            recorded.add(new Recorded(method, path, ifMatch, token != null, authorization != null, new String(body, StandardCharsets.UTF_8)));
            Fault fault = takeFault(method + " " + path);
            if (fault instanceof Fault.Drop) {
                return; // closed without an answer: the client sees its connection dropped
            }
            if (fault instanceof Fault.Status s) {
                if (s.retryAfter() != null) {
                    ex.getResponseHeaders().set("Retry-After", s.retryAfter());
                }
                reply(ex, s.status(), error("Base.1.8.ServiceTemporarilyUnavailable", "injected " + s.status()));
                return;
            }
            Monitor monitor = monitors.get(path);
            if (monitor != null && method.equals("GET")) {
                if (monitor.pollsLeft().getAndDecrement() > 0) {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    ex.getResponseHeaders().set("Location", path);
                    reply(ex, 202, b("{\"@odata.type\": \"#Task.v1_4_3.Task\", \"TaskState\": \"Running\"}"));
                } else {
                    monitors.remove(path);
                    reply(ex, monitor.status(), monitor.body());
                }
                return;
            }
            String upstreamAuth = authorization;
            if (sessions) {
                if (method.equals("POST") && path.equals("/redfish/v1/SessionService/Sessions")) {
                    login(ex, body);
                    return;
                }
                if (token != null) {
                    Session s = sessionsByToken.get(token);
                    if (s == null) {
                        reply(ex, 401, error("Base.1.8.NoValidSession", "There is no valid session established with the implementation."));
                        return;
                    }
                    if (method.equals("DELETE") && path.equals("/redfish/v1/SessionService/Sessions/" + s.id())) {
                        sessionsByToken.remove(token);
                        reply(ex, 204, new byte[0]);
                        return;
                    }
                    upstreamAuth = basic(s.user(), s.password());
                }
            }
            if (etags && method.equals("PATCH")) {
                String current = etagOf(forward("GET", path, null, null, upstreamAuth, null).body());
                if (ifMatch == null) {
                    reply(ex, 428, error("Base.1.8.PreconditionRequired", "A precondition header or annotation is required to change this resource."));
                    return;
                }
                if (!ifMatch.equals(current)) {
                    reply(ex, 412, error("Base.1.8.PreconditionFailed", "The ETag supplied did not match the ETag required to change this resource."));
                    return;
                }
            }
            HttpResponse<byte[]> r = forward(method, path, query, body, upstreamAuth, ex.getRequestHeaders().getFirst("Content-Type"));
            byte[] out = r.body();
            if (method.equals("GET") && r.statusCode() == 200) {
                out = rewrite(path, query, out);
                if (etags) {
                    ex.getResponseHeaders().set("ETag", etagOf(r.body()));
                }
            }
            if (fault instanceof Fault.Async a && r.statusCode() < 300) {
                String mon = "/redfish/v1/TaskService/TaskMonitors/" + ids.incrementAndGet();
                monitors.put(mon, new Monitor(r.statusCode(), r.body(), new AtomicInteger(a.pollsBeforeDone())));
                ex.getResponseHeaders().set("Location", mon);
                ex.getResponseHeaders().set("Retry-After", "1");
                reply(ex, 202, b("{\"@odata.type\": \"#Task.v1_4_3.Task\", \"TaskState\": \"Running\"}"));
                return;
            }
            r.headers().firstValue("Location").ifPresent(l -> ex.getResponseHeaders().set("Location",
                    l.replace(upstream.toString(), "http://127.0.0.1:" + port())));
            r.headers().firstValue("X-Auth-Token").ifPresent(t -> ex.getResponseHeaders().set("X-Auth-Token", t));
            reply(ex, r.statusCode(), out);
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(502, -1);
        }
    }

    private void login(HttpExchange ex, byte[] body) throws IOException {
        JsonNode creds = JSON.readTree(body);
        String user = creds.path("UserName").asText("");
        String password = creds.path("Password").asText("");
        HttpResponse<byte[]> check = forward("GET", "/redfish/v1/Systems", null, null, basic(user, password), null);
        if (check.statusCode() == 401) {
            reply(ex, 401, check.body());
            return;
        }
        String id = String.valueOf(ids.incrementAndGet());
        String token = UUID.randomUUID().toString();
        sessionsByToken.put(token, new Session(id, token, user, password));
        ex.getResponseHeaders().set("X-Auth-Token", token);
        ex.getResponseHeaders().set("Location", "/redfish/v1/SessionService/Sessions/" + id);
        reply(ex, 201, b("{\"@odata.id\": \"/redfish/v1/SessionService/Sessions/" + id + "\", \"Id\": \"" + id + "\", \"UserName\": \"" + user + "\"}"));
    }

    /** Adds session links to the root, pages collections, hides the System's VirtualMedia link. */
    private byte[] rewrite(String path, String query, byte[] body) throws IOException {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
        if (!(tree instanceof ObjectNode o)) {
            return body;
        }
        if (sessions && (path.equals("/redfish/v1/") || path.equals("/redfish/v1"))) {
            o.putObject("SessionService").put("@odata.id", "/redfish/v1/SessionService");
            o.withObject("/Links").putObject("Sessions").put("@odata.id", "/redfish/v1/SessionService/Sessions");
        }
        if (pageSize > 0 && o.get("Members") instanceof ArrayNode members && members.size() > pageSize) {
            int skip = query != null && query.startsWith("$skip=") ? Integer.parseInt(query.substring(6)) : 0;
            ArrayNode page = JSON.createArrayNode();
            for (int i = skip; i < Math.min(members.size(), skip + pageSize); i++) {
                page.add(members.get(i));
            }
            o.set("Members", page);
            if (skip + pageSize < members.size()) {
                o.put("Members@odata.nextLink", path + "?$skip=" + (skip + pageSize));
            }
        }
        boolean system = o.path("@odata.type").asText().contains("ComputerSystem");
        if (virtualMediaOnlyUnderManager && system) {
            o.remove("VirtualMedia");
        }
        return JSON.writeValueAsBytes(system ? systemShape.apply(o) : o);
    }

    private HttpResponse<byte[]> forward(String method, String path, String query, byte[] body, String authorization, String contentType) {
        try {
            URI uri = upstream.resolve(path + (query == null ? "" : "?" + query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Fault takeFault(String methodAndPath) {
        for (Pending p : faults) {
            if (p.matches().test(methodAndPath) && faults.remove(p)) {
                return p.fault();
            }
        }
        return null;
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        if (body.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String etagOf(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] error(String id, String message) {
        return b("{\"error\": {\"code\": \"" + id + "\", \"message\": \"" + message + "\", \"@Message.ExtendedInfo\": [{\"MessageId\": \""
                + id + "\", \"Message\": \"" + message + "\"}]}}");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The gateway's address for a system path, e.g. {@code redfish+http://127.0.0.1:PORT/redfish/v1/Systems/<id>}. */
    public String address(String systemPath) {
        return address("redfish+http", systemPath);
    }

    /** The same with another BMC scheme over HTTP, e.g. {@code redfish-uefihttp+http}. */
    public String address(String scheme, String systemPath) {
        return scheme + "://127.0.0.1:" + port() + systemPath;
    }

    public List<Recorded> recordedMatching(Predicate<Recorded> p) {
        List<Recorded> out = new ArrayList<>();
        for (Recorded r : recorded) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        client.shutdownNow();
    }
}
