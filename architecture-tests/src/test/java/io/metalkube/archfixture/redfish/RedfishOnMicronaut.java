package io.metalkube.archfixture.redfish;

import io.micronaut.http.HttpRequest;

/** Violates "protocol adapters are plain Java": the Redfish client built on Micronaut's HTTP types. */
public class RedfishOnMicronaut {
    public HttpRequest<?> get(String uri) {
        return HttpRequest.GET(uri);
    }
}
