package io.metalkube.bootstrap;

import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's HTTP surface: health (liveness, readiness) and Prometheus, on the in-memory stores. */
@MicronautTest(environments = "memory")
@Property(name = "metalkube.backend", value = "fixture")
@Property(name = "micronaut.server.port", value = "-1")
class OperatorEndpointsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    InMemoryHostStore hosts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndItsProbesAnswerUp() throws Exception {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("\"status\":\"UP\"");
        }
        assertThat(get("/health").body()).as("health details (back-end reachability) are not for anonymous callers").doesNotContain("\"backend\"");
    }

    @Test
    void prometheusShowsHostsByStateAndJvmMetrics() throws Exception {
        hosts.put(Host.newHost(new HostId("ns", "h1"), Map.of(), HostSpec.empty()));

        HttpResponse<String> r = get("/prometheus");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("metalkube_hosts{state=\"new\"} 1.0")
                .contains("metalkube_hosts{state=\"provisioned\"} 0.0")
                .contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
