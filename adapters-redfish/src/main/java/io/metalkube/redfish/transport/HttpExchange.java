package io.metalkube.redfish.transport;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A BMC's answer: status, headers, body and the URI that finally answered (after redirects). */
public record HttpExchange(int status, HttpHeaders headers, byte[] body, URI uri) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
