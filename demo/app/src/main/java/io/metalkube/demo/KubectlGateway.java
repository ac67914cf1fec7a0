package io.metalkube.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.metalkube.demo.apiserver.CrudApiServer;

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
 * API discovery on every query kubectl sends, so {@code kubectl get bmh} would say "the server doesn't have a resource
 * type". This front answers the discovery documents kubectl asks for (build-notes.md, part 2 §7; the same documents the
 * embedded API server registers, {@link CrudApiServer#discoveryDocuments()}), renders {@code as=Table} answers for our
 * custom resources from the CRDs' printer columns ({@link PrinterTable}), and passes every other request through.
 */
final class KubectlGateway implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI upstream;
    private final Map<String, String> discovery;

    private KubectlGateway(HttpServer server, ExecutorService executor, URI upstream, Map<String, String> discovery) {
        this.server = server;
        this.executor = executor;
        this.upstream = upstream;
        this.discovery = Map.copyOf(discovery);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    /** Listens on a free loopback port and forwards to the embedded API server, answering its discovery documents. */
    static KubectlGateway start(CrudApiServer api) throws IOException {
        return start(api.url(), api.discoveryDocuments());
    }

    private static KubectlGateway start(URI upstream, Map<String, String> discovery) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        KubectlGateway gateway = new KubectlGateway(server, executor, upstream, discovery);
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
            String document = get ? discovery.get(stripSlash(path)) : null;
            java.util.Optional<String> openApi = get ? OpenApiDocuments.forPath(stripSlash(path)) : java.util.Optional.empty();
            String query = exchange.getRequestURI().getRawQuery();
            if (document != null) {
                reply(exchange, 200, "application/json", document.getBytes(StandardCharsets.UTF_8));
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
}
