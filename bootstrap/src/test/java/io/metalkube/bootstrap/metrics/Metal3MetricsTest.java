package io.metalkube.bootstrap.metrics;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metal3Metrics' decorators one by one, on a plain registry: what each port call counts, and what it must not. */
class Metal3MetricsTest {

    private static final HostId HOST = new HostId("racks", "h1");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Metal3Metrics metrics = new Metal3Metrics(registry);

    @Test
    void aRebootCountsAsOffAndOnAndARefusedPowerChangeCountsNothing() {
        FixtureBackend fixture = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
        Backend backend = metrics.backend(fixture.asBackend());
        BackendTarget t = new BackendTarget(HOST, null, BmcAddress.parse("ipmi://192.0.2.10"), BmcCredentials.of("admin", "pw"), null, false);
        register(backend, t);

        backend.power().reboot(new Operation.Reboot(t, PowerOffMode.HARD));
        assertThat(powerChanges("on")).isEqualTo(1.0);
        assertThat(powerChanges("off")).isEqualTo(1.0);

        fixture.outage(true);
        assertThat(backend.power().powerOn(new Operation.PowerOn(t))).isInstanceOf(Outcome.Unavailable.class);
        assertThat(powerChanges("on")).as("not accepted, not counted").isEqualTo(1.0);
        assertThat(backend.registration().register(registerOp(t))).isInstanceOf(Outcome.Unavailable.class);
        assertThat(registry.get("metal3_credentials_no_management_access").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("metal3_provisioner_not_ready").counter().count()).as("both unanswered calls").isEqualTo(2.0);
    }

    @Test
    void credentialsLookupsCountMissingAndUnusableSecrets() {
        InMemoryCredentials secrets = new InMemoryCredentials();
        secrets.put("racks", "bmc", "admin", "");
        CredentialsLookup lookup = metrics.credentials(secrets);
        lookup.lookup(HOST, "missing");
        lookup.lookup(HOST, "bmc");
        assertThat(registry.get("metal3_credentials_missing").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("metal3_credentials_invalid").counter().count()).isEqualTo(1.0);

        CredentialsLookup broken = metrics.credentials((h, s) -> {
            throw new IllegalStateException("API server gone");
        });
        assertThatThrownBy(() -> broken.lookup(HOST, "bmc")).hasMessage("API server gone");
        assertThat(registry.get("metal3_credentials_unhandled_error").counter().count()).isEqualTo(1.0);
    }

    @Test
    void reconcilesAreCountedPerHostAndFailuresOnce() {
        ReconcileHostUseCase failing = metrics.reconciles(id -> {
            throw new IllegalStateException("API server gone");
        });
        assertThatThrownBy(() -> failing.reconcile(HOST)).isInstanceOf(IllegalStateException.class);
        assertThat(registry.get("metal3_reconcile").tags("namespace", "racks", "host", "h1").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("metal3_reconcile_error").counter().count()).isEqualTo(1.0);
    }

    private double powerChanges(String onOff) {
        return registry.get("metal3_operation_power_change").tags("namespace", "racks", "host", "h1", "on_off", onOff).counter().count();
    }

    private static Operation.Register registerOp(BackendTarget t) {
        return new Operation.Register(t, new CredentialsVersion("bmc", "1"), ProvisioningState.REGISTERING, null, null);
    }

    private static void register(Backend backend, BackendTarget t) {
        for (int i = 0; i < 10; i++) {
            if (backend.registration().register(registerOp(t)) instanceof Outcome.Registered) {
                return;
            }
        }
        throw new AssertionError("the fixture did not register " + t.host());
    }
}
