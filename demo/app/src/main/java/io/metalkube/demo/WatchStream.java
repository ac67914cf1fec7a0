package io.metalkube.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl get -w}: kubectl watches with a streamed HTTP response (one JSON watch event per line), the embedded
 * API server only over WebSocket. This opens the WebSocket watch and streams its events to kubectl, as Tables when
 * kubectl asks for them ({@link PrinterTable}), and drops the replay of objects older than the resourceVersion kubectl
 * listed (a real API server sends only what changed after it).
 */
final class WatchStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String END = "";

    private final HttpClient client;
    private final URI upstream;

    WatchStream(HttpClient client, URI upstream) {
        this.client = client;
        this.upstream = upstream;
    }

    void serve(HttpExchange exchange) throws IOException {
        URI request = exchange.getRequestURI();
        String query = request.getRawQuery();
        long since = longParam(query, "resourceVersion");
        long timeoutSeconds = Math.min(longParam(query, "timeoutSeconds") > 0 ? longParam(query, "timeoutSeconds") : 1800, 1800);
        Optional<List<PrinterTable.Column>> columns = PrinterTable.matches("GET", request.getPath(), exchange.getRequestHeaders().getFirst("Accept"))
                .flatMap(m -> PrinterTable.columns(m.group(1), m.group(2)));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        URI ws = URI.create(upstream.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + request.getRawPath() + "?" + query);
        WebSocket socket = client.newWebSocketBuilder().buildAsync(ws, new Collector(events)).join();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (OutputStream out = exchange.getResponseBody()) {
            while (System.nanoTime() < deadline) {
                String event = events.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    continue;
                }
                if (event == END) {
                    break;
                }
                JsonNode watchEvent = JSON.readTree(event);
                JsonNode object = watchEvent.path("object");
                if (watchEvent.path("type").asText().equals("ADDED") && object.path("metadata").path("resourceVersion").asLong(0) <= since) {
                    continue; // the mock replays every object when a watch starts
                }
                if (columns.isPresent() && watchEvent instanceof ObjectNode e) {
                    e.set("object", JSON.readTree(PrinterTable.render(JSON.writeValueAsBytes(object), columns.get(), Instant.now())));
                }
                out.write(JSON.writeValueAsBytes(watchEvent));
                out.write('\n');
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException kubectlWentAway) {
            // kubectl stopped watching (Ctrl-C): close the upstream watch below
        } finally {
            socket.abort();
        }
    }

    private static long longParam(String query, String name) {
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) {
                try {
                    return Long.parseLong(p.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Collects the WebSocket's text messages (one watch event each) into the queue; END when it closes. */
    private record Collector(BlockingQueue<String> events, StringBuilder partial) implements WebSocket.Listener {

        Collector(BlockingQueue<String> events) {
            this(events, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(END);
        }
    }
}
