package io.metalkube.bootstrap;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.out.Backend;
import io.metalkube.bootstrap.wiring.SiteBackend;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 2: an Ironic or BMC outage leaves readiness UP (else the webhook's failurePolicy: Fail would block
 * every host and Machine write, and rollouts would stall); the outage shows in /health details and in metrics.
 */
@MicronautTest(environments = "memory")
@Property(name = "metalkube.backend", value = "fixture")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "backend-outage-test", value = "true")
// the details are hidden from anonymous callers in production (application.yml); this test reads them to check the indicator
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
class BackendOutageReadinessTest {

    static final FixtureBackend FIXTURE = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());

    /** The site's back-end is a fixture this test can take down. */
    @Factory
    @Requires(property = "backend-outage-test")
    static class OutageSite {
        @Singleton
        @Replaces(SiteBackend.class)
        SiteBackend site() {
            return new SiteBackend(FIXTURE.asBackend(), Optional.empty(), Optional.empty(), () -> { });
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    @Named("metered")
    Backend backend;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOutageLeavesReadinessUpAndShowsInHealthDetailsAndMetrics() throws Exception {
        Operation.ReadPower read = new Operation.ReadPower(new BackendTarget(new HostId("ns", "h1"), "",
                BmcAddress.parse("ipmi://192.0.2.1"), BmcCredentials.of("admin", "pw"), "", false));
        FIXTURE.outage(true);
        for (int i = 0; i < 5; i++) {
            backend.power().readPower(read);
        }

        HttpResponse<String> readiness = get("/health/readiness");
        assertThat(readiness.statusCode()).as("readiness during a back-end outage: " + readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).startsWith("{\"name\":\"metalkube\",\"status\":\"UP\"");
        assertThat(get("/health/liveness").statusCode()).isEqualTo(200);
        String health = get("/health").body();
        assertThat(health).contains("\"backend\"", "\"reachable\":false", "simulated outage");
        assertThat(get("/prometheus").body()).contains("metalkube_backend_reachable{backend=\"fixture\"} 0.0");

        FIXTURE.outage(false);
        backend.power().readPower(read);
        assertThat(get("/health").body()).contains("\"reachable\":true");
        assertThat(get("/prometheus").body()).contains("metalkube_backend_reachable{backend=\"fixture\"} 1.0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
