/** The Ironic back-end: MetalKube's outbound ports over Ironic's REST API (micronaut-http-client + Jackson). */
module io.metalkube.adapters.ironic {
    requires io.metalkube.application;
    requires io.micronaut.micronaut_http_client;
    requires io.micronaut.micronaut_http_client_core;
    requires io.micronaut.micronaut_http;
    requires io.micronaut.micronaut_core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    exports io.metalkube.ironic;
    exports io.metalkube.ironic.driver;
    opens io.metalkube.ironic.wire to com.fasterxml.jackson.databind;
}
