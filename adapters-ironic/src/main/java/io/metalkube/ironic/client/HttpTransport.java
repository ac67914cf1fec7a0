package io.metalkube.ironic.client;

import java.time.Duration;
import java.util.Map;

/** The HTTP exchange the Ironic client needs: one request, one buffered response. Implementations keep connections alive. */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends one request to {@code path} (relative to the endpoint, starting with "/").
     *
     * @param body JSON text, or null for no body
     * @throws TransportException when no HTTP response arrived (refused, reset, timed out, TLS failure)
     */
    Response send(String method, String path, Map<String, String> headers, String body);

    @Override
    void close();

    /** A response; header names are lower case. */
    record Response(int status, Map<String, String> headers, String body) {
        public Response {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** No HTTP response: the connection failed, or the request exceeded its timeout. */
    final class TransportException extends RuntimeException {
        private final boolean timeout;

        public TransportException(String message, boolean timeout, Throwable cause) {
            super(message, cause);
            this.timeout = timeout;
        }

        public boolean isTimeout() {
            return timeout;
        }
    }

    /** Connection and request timeouts. */
    record Timeouts(Duration connect, Duration request) {
    }
}
