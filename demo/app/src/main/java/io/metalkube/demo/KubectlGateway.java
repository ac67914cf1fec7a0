package io.metalkube.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What {@code demo --hold} points kubectl at: the embedded API server (fabric8's CRUD mock) answers objects but not
 * API discovery, so {@code kubectl get bmh} would say "the server doesn't have a resource type". This front answers
 * the discovery documents kubectl asks for (build-notes.md, part 2 §7), renders {@code as=Table} answers for our
 * custom resources from the CRDs' printer columns ({@link PrinterTable}), and passes every other request through.
 */
final class KubectlGateway implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI upstream;

    private KubectlGateway(HttpServer server, ExecutorService executor, URI upstream) {
        this.server = server;
        this.executor = executor;
        this.upstream = upstream;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    /** Listens on a free loopback port and forwards to {@code upstream}. */
    static KubectlGateway start(URI upstream) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        KubectlGateway gateway = new KubectlGateway(server, executor, upstream);
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean get = "GET".equals(exchange.getRequestMethod());
            String discovery = get ? Discovery.DOCUMENTS.get(stripSlash(path)) : null;
            java.util.Optional<String> openApi = get ? OpenApiDocuments.forPath(stripSlash(path)) : java.util.Optional.empty();
            String query = exchange.getRequestURI().getRawQuery();
            if (discovery != null) {
                reply(exchange, 200, "application/json", discovery.getBytes(StandardCharsets.UTF_8));
            } else if (openApi.isPresent()) {
                reply(exchange, 200, "application/json", openApi.get().getBytes(StandardCharsets.UTF_8));
            } else if (get && query != null && query.matches("(.*&)?watch=(true|1)(&.*)?")) {
                new WatchStream(client, upstream).serve(exchange);
            } else {
                forward(exchange);
            }
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        java.util.Optional<FieldSelector> selector = "GET".equals(exchange.getRequestMethod())
                ? FieldSelector.of(exchange.getRequestURI().getRawQuery()) : java.util.Optional.empty();
        String rawQuery = selector.map(FieldSelector::upstreamQuery).orElse(exchange.getRequestURI().getRawQuery());
        String pathAndQuery = exchange.getRequestURI().getRawPath() + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String query = exchange.getRequestURI().getRawQuery();
        var tableOf = query != null && query.contains("watch=") ? java.util.Optional.<java.util.regex.Matcher>empty()
                : PrinterTable.matches(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Accept"));
        var columns = tableOf.flatMap(m -> PrinterTable.columns(m.group(1), m.group(2)));
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            boolean acceptReplaced = columns.isPresent() && name.equalsIgnoreCase("Accept");
            if (!acceptReplaced && !HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        if (columns.isPresent()) {
            request.header("Accept", "application/json");
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("content-type").orElse("application/json");
            byte[] answer = selector.isPresent() && response.statusCode() == 200 ? selector.get().filter(response.body()) : response.body();
            if (columns.isPresent() && response.statusCode() == 200) {
                reply(exchange, 200, "application/json", PrinterTable.render(answer, columns.get(), java.time.Instant.now()));
                return;
            }
            reply(exchange, response.statusCode(), type, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, "text/plain", "the demo is stopping".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            reply(exchange, 502, "text/plain", ("the embedded API server did not answer: " + e.getMessage())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The discovery documents: core v1 (Secrets, Events) and our two API groups. */
    static final class Discovery {

        static final Map<String, String> DOCUMENTS = Map.of(
                "/version", """
                        {"major":"1","minor":"32","gitVersion":"v1.32.0-metalkube-demo","platform":"linux/amd64"}""",
                "/api", """
                        {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""",
                "/api/v1", """
                        {"kind":"APIResourceList","groupVersion":"v1","resources":[
                         %s,
                         %s]}""".formatted(resource("secrets", "secret", "Secret", ""), resource("events", "event", "Event", "\"ev\"")),
                "/apis", """
                        {"kind":"APIGroupList","apiVersion":"v1","groups":[%s,%s]}""".formatted(group("metal3.io"), group("cluster.k8s.io")),
                "/apis/metal3.io/v1alpha1", """
                        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"metal3.io/v1alpha1","resources":[
                         %s]}""".formatted(resource("baremetalhosts", "baremetalhost", "BareMetalHost", "\"bmh\",\"bmhost\"")),
                "/apis/cluster.k8s.io/v1alpha1", """
                        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"cluster.k8s.io/v1alpha1","resources":[
                         %s]}""".formatted(resource("machines", "machine", "Machine", "")));

        private static String group(String name) {
            return """
                    {"name":"%1$s","versions":[{"groupVersion":"%1$s/v1alpha1","version":"v1alpha1"}],\
                    "preferredVersion":{"groupVersion":"%1$s/v1alpha1","version":"v1alpha1"}}""".formatted(name);
        }

        private static String resource(String plural, String singular, String kind, String shortNames) {
            return """
                    {"name":"%s","singularName":"%s","namespaced":true,"kind":"%s","shortNames":[%s],\
                    "verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}"""
                    .formatted(plural, singular, kind, shortNames);
        }
    }
}
