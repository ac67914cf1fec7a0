package io.metalkube.bootstrap.metrics;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class MeteredBackendTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FixtureBackend fixture = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final BackendReachability reachability = new BackendReachability(Clock.systemUTC(), 2);
    private final Backend metered = MeteredBackend.wrap(fixture.asBackend(), registry, reachability);

    @Test
    void callsAreTimedPerOperationAndOutcome() {
        Outcome o = metered.power().readPower(new Operation.ReadPower(target("h1")));

        assertThat(o).isInstanceOf(Outcome.PowerState.class);
        assertThat(registry.get("metalkube.backend.call").tags("backend", "fixture", "operation", "readpower", "outcome", "done")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find("metalkube.backend.errors").counters()).isEmpty();
    }

    @Test
    void failuresAndOutagesAreCountedAsErrorsAndAnOutageMakesTheBackendUnreachable() {
        fixture.failNext(new HostId("ns", "h1"), "readpower", "BMC said no");
        metered.power().readPower(new Operation.ReadPower(target("h1")));
        assertThat(registry.get("metalkube.backend.errors").tags("kind", "failed").counter().count()).isEqualTo(1);
        assertThat(reachability.down()).as("a Failed outcome is an answer").isEmpty();

        fixture.outage(true);
        metered.power().readPower(new Operation.ReadPower(target("h1")));
        assertThat(reachability.down()).as("one outage call is below the threshold").isEmpty();
        metered.power().readPower(new Operation.ReadPower(target("h2")));
        assertThat(reachability.down()).hasValueSatisfying(d -> assertThat(d.reason()).contains("simulated outage"));
        assertThat(registry.get("metalkube.backend.errors").tags("kind", "unavailable").counter().count()).isEqualTo(2);

        fixture.outage(false);
        metered.power().readPower(new Operation.ReadPower(target("h1")));
        assertThat(reachability.down()).isEmpty();
    }

    private static BackendTarget target(String name) {
        return new BackendTarget(new HostId("ns", name), "", BmcAddress.parse("ipmi://192.0.2.1"),
                BmcCredentials.of("admin", "secret"), "", false);
    }
}
