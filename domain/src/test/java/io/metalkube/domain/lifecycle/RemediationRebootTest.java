package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CAPM3's remediation reboot (issue 13; CAPM3 baremetal/metal3remediation_manager.go, SetRebootAnnotation): the key
 * {@code reboot.metal3.io/metal3-remediation-<uid>} with {@code {"mode":"hard"}}. The host powers off hard, stays
 * off while the annotation is there (the annotation is never removed by the operator), and powers on once CAPM3
 * removes it.
 */
class RemediationRebootTest {

    private static final RebootRequest REMEDIATION = new RebootRequest("metal3-remediation-6f1c3a2e-uid", RebootMode.HARD);

    private static Host provisionedAndOn() {
        return aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();
    }

    private static Host annotated(Host host, RebootRequest... reboots) {
        return host.withAnnotations(host.annotations().withReboots(List.of(reboots)));
    }

    @Test
    void theHostPowersOffHardStaysOffWhileAnnotatedAndPowersOnWhenTheAnnotationGoes() {
        Host host = annotated(provisionedAndOn(), REMEDIATION);

        Decision off = plan(host);
        assertThat(off.operation()).get().isInstanceOfSatisfying(Operation.PowerOff.class,
                p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
        Decision poweredOff = LIFECYCLE.conclude(apply(host, off), off.operation().get(), new Outcome.PowerState(false), T0);
        host = apply(host, poweredOff);
        assertThat(host.status().poweredOn()).isFalse();
        assertThat(reasons(poweredOff)).contains("PowerOff");

        for (int poll = 0; poll < 3; poll++) {
            Decision stay = plan(host);
            assertThat(stay.effects()).as("the operator never removes CAPM3's annotation").isEmpty();
            assertThat(stay.operation()).get().isInstanceOf(Operation.ReadPower.class);
            host = apply(host, LIFECYCLE.conclude(host, stay.operation().get(), new Outcome.PowerState(false), T0));
            assertThat(host.status().poweredOn()).isFalse();
        }

        host = annotated(host); // CAPM3 removes the annotation
        Decision on = plan(host);
        assertThat(on.operation()).get().isInstanceOf(Operation.PowerOn.class);
        Decision poweredOn = LIFECYCLE.conclude(apply(host, on), on.operation().get(), new Outcome.PowerState(true), T0);
        assertThat(poweredOn.status().poweredOn()).isTrue();
        assertThat(poweredOn.status().state()).isEqualTo(PROVISIONED);
    }

    @Test
    void theHostStaysOffUntilEveryKeyedRebootIsRemoved() {
        RebootRequest operator = new RebootRequest("ops-maintenance", RebootMode.SOFT_THEN_HARD);
        Host host = annotated(provisionedAndOn(), REMEDIATION, operator).withStatus(provisionedAndOn().status().withPoweredOn(false));

        assertThat(plan(annotated(host, operator)).operation()).get().isInstanceOf(Operation.ReadPower.class);
        assertThat(plan(annotated(host)).operation()).get().isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void anExternallyProvisionedHostIsRemediatedTheSameWay() {
        Host host = annotated(aHost().managed().inState(EXTERNALLY_PROVISIONED).externallyProvisioned().online().poweredOn(true).build(),
                REMEDIATION);

        assertThat(plan(host).operation()).get().isInstanceOfSatisfying(Operation.PowerOff.class,
                p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
    }
}
