package io.metalkube.ironic.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted Ironic on 127.0.0.1 (JDK HttpServer, optionally HTTPS): routes by "METHOD path" (path without query),
 * records every request. Unrouted requests get 404 with an Ironic-style error body.
 */
public final class StubIronic implements AutoCloseable {

    public static final String ROOT = """
            {"name": "OpenStack Ironic API", "versions": [{"id": "v1", "links": [], "status": "CURRENT",
             "min_version": "1.1", "version": "1.82"}], "default_version": {"id": "v1", "min_version": "1.1", "version": "1.82"}}""";

    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            return v.isEmpty() ? null : v.getFirst();
        }
    }

    public record Reply(int status, String body, long delayMillis) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, 0);
        }

        public static Reply error(int status, String faultstring) {
            String inner = "{\"faultstring\": \"" + faultstring + "\", \"debuginfo\": null}";
            return new Reply(status, "{\"error_message\": \"" + inner.replace("\"", "\\\"") + "\"}", 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final boolean https;

    private StubIronic(HttpServer server, boolean https) {
        this.server = server;
        this.https = https;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        route("GET /", r -> Reply.json(200, ROOT));
        server.start();
    }

    public static StubIronic http() throws IOException {
        return new StubIronic(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), false);
    }

    public static StubIronic https(SSLContext ssl) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return new StubIronic(s, true);
    }

    public URI endpoint() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Routes "METHOD /path" (no query) to a replier. Later routes replace earlier ones. */
    public StubIronic route(String methodAndPath, Function<Recorded, Reply> replier) {
        routes.put(methodAndPath, replier);
        return this;
    }

    public StubIronic route(String methodAndPath, int status, String body) {
        return route(methodAndPath, r -> Reply.json(status, body));
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    /** Requests other than the root document (version negotiation). */
    public List<Recorded> apiRequests() {
        return requests.stream().filter(r -> !r.path().equals("/")).toList();
    }

    public void clear() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawPath = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            Recorded rec = new Recorded(ex.getRequestMethod(), rawPath + (query == null ? "" : "?" + query),
                    Map.copyOf(ex.getRequestHeaders()), body);
            requests.add(rec);
            Function<Recorded, Reply> replier = routes.get(ex.getRequestMethod() + " " + rawPath);
            Reply reply = replier == null ? Reply.error(404, "no route for " + ex.getRequestMethod() + " " + rawPath) : replier.apply(rec);
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("X-OpenStack-Ironic-API-Minimum-Version", "1.1");
            ex.getResponseHeaders().add("X-OpenStack-Ironic-API-Maximum-Version", "1.82");
            boolean noBody = reply.status() == 204 || bytes.length == 0;
            ex.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
