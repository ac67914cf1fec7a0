package io.metalkube.bootstrap.metrics;

import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * metal3's series (baremetal-operator internal/controller/metal3.io/metrics.go), names and labels as a metal3 user's
 * dashboards and alerts query them, scraped from the operator's /prometheus after hosts went through
 * register → inspect → available (powered on, then off) → provision → deprovision on the fixture back-end, one of them delayed by the
 * provisioning limit and one with a Secret that does not exist.
 */
@MicronautTest(environments = "memory")
@Property(name = "metalkube.backend", value = "fixture")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "metalkube.provisioning-limit", value = "1")
@Property(name = "metalkube.fixture.register", value = "10ms")
@Property(name = "metalkube.fixture.inspect", value = "10ms")
@Property(name = "metalkube.fixture.provision", value = "10ms")
@Property(name = "metalkube.fixture.deprovision", value = "10ms")
@Property(name = "metalkube.fixture.power", value = "10ms")
@Property(name = "metal3-metrics-scrape-test.hurried-clock", value = "true")
class Metal3MetricsScrapeTest {

    /** The lifecycle's metal3 timings (power polls, capacity re-checks) pass in a few reconciles, not in real minutes. */
    @Factory
    @Requires(property = "metal3-metrics-scrape-test.hurried-clock", value = "true")
    static class HurriedClock {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            AtomicLong ticks = new AtomicLong();
            Instant start = Instant.parse("2026-12-02T08:00:00Z");
            return new Clock() {
                @Override public ZoneId getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(ZoneId zone) { return this; }
                @Override public Instant instant() { return start.plusSeconds(5 * ticks.incrementAndGet()); }
            };
        }
    }

    private static final HostId H1 = new HostId("racks", "h1");
    private static final HostId H2 = new HostId("racks", "h2");
    private static final HostId NO_SECRET = new HostId("racks", "no-secret");

    @Inject
    EmbeddedServer server;

    @Inject
    InMemoryHostStore hosts;

    @Inject
    InMemoryCredentials credentials;

    @Inject
    ReconcileHostUseCase reconciler;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metal3sSeriesAreExportedWithMetal3sLabels() throws Exception {
        credentials.put("racks", "bmc", "admin", "secret-pw");
        hosts.put(host(H1, "bmc"));
        hosts.put(host(H2, "bmc"));
        hosts.put(host(NO_SECRET, "missing"));

        until(ProvisioningState.AVAILABLE, H1, H2); // the limit of 1 delays one of them before inspection
        power(true);
        power(false);
        hosts.edit(H1, h -> h.withSpec(h.spec().withImage(Image.of("http://images.example/os.qcow2", "abc123")).withOnline(true)));
        until(ProvisioningState.PROVISIONED, H1);
        hosts.edit(H1, h -> h.withSpec(h.spec().withImage(null).withOnline(false)));
        until(ProvisioningState.AVAILABLE, H1);

        String body = scrape();
        String h1 = "host=\"h1\",namespace=\"racks\"";
        assertThat(body).contains("metal3_reconcile_total{" + h1 + "}")
                .contains("metal3_reconcile_error_total 0.0")
                .contains("metal3_provisioning_state_change_total{new_state=\"registering\",prev_state=\"\"}")
                .contains("metal3_provisioning_state_change_total{new_state=\"inspecting\",prev_state=\"registering\"}")
                .contains("metal3_provisioning_state_change_total{new_state=\"provisioned\",prev_state=\"provisioning\"}")
                .contains("metal3_host_error_total{error_type=\"RegistrationError\"}")
                .contains("metal3_credentials_missing_total")
                .contains("metal3_credentials_invalid_total 0.0")
                .contains("metal3_credentials_unhandled_error_total 0.0")
                .contains("metal3_credentials_no_management_access_total 0.0")
                .contains("metal3_operation_power_change_total{" + h1 + ",on_off=\"on\"}")
                .contains("metal3_operation_power_change_total{" + h1 + ",on_off=\"off\"}")
                .contains("metal3_delayed__provisioning_total{host=\"h");
        assertThat(line(body, "metal3_credentials_updated_total")).as("h1 and h2 tried their credentials").isNotEqualTo("metal3_credentials_updated_total 0.0");
        assertThat(line(body, "metal3_credentials_missing_total")).isNotEqualTo("metal3_credentials_missing_total 0.0");
        // histograms: metal3's default buckets for registration, slowOperationBuckets for the rest
        assertThat(body).contains("metal3_operation_register_duration_seconds_bucket{" + h1 + ",le=\"0.005\"}")
                .contains("metal3_operation_register_duration_seconds_bucket{" + h1 + ",le=\"10.0\"}")
                .contains("metal3_operation_register_duration_seconds_bucket{" + h1 + ",le=\"2.5\"}");
        assertThat(body.lines()).contains("metal3_operation_register_duration_seconds_count{" + h1 + "} 1");
        for (String op : List.of("inspect", "provision", "deprovision")) {
            String name = "metal3_operation_" + op + "_duration_seconds";
            assertThat(body).contains(name + "_bucket{" + h1 + ",le=\"30.0\"}")
                    .contains(name + "_bucket{" + h1 + ",le=\"1440.0\"}")
                    .contains(name + "_sum{" + h1 + "}");
            assertThat(body.lines()).as(op + " once").contains(name + "_bucket{" + h1 + ",le=\"+Inf\"} 1", name + "_count{" + h1 + "} 1");
            assertThat(body).doesNotContain(name + "_bucket{" + h1 + ",le=\"0.005\"}");
        }
        assertThat(body).as("ours stay beside metal3's").contains("metalkube_hosts{state=\"available\"}");
    }

    /** spec.online of h1, until its status shows the power it asked for. */
    private void power(boolean on) {
        hosts.edit(H1, h -> h.withSpec(h.spec().withOnline(on)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            reconciler.reconcile(H1);
            return Boolean.valueOf(on).equals(hosts.find(H1).orElseThrow().status().poweredOn());
        });
    }

    private void until(ProvisioningState state, HostId... ids) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            for (HostId id : List.of(H1, H2, NO_SECRET)) {
                reconciler.reconcile(id);
            }
            for (HostId id : ids) {
                assertThat(hosts.find(id).orElseThrow().state()).as(id.toString()).isEqualTo(state);
            }
        });
    }

    private static Host host(HostId id, String secret) {
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails("ipmi://192.0.2.10", secret, false)).withBootMACAddress("52:54:00:00:00:01");
        return Host.newHost(id, Map.of(), spec);
    }

    private static String line(String body, String name) {
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst().orElse("(missing) " + name);
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
