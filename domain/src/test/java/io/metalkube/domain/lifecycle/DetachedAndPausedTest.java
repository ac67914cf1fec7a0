package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The paused and detached annotations (metal3-anchors.md §1.5). */
class DetachedAndPausedTest {

    @ParameterizedTest
    @EnumSource(ProvisioningState.class)
    void aPausedHostIsLeftAloneInEveryStateEvenWhenDeleted(ProvisioningState state) {
        Host host = aHost().managed().inState(state).online().withImage(OTHER_IMAGE).provisionedWith(IMAGE).paused().deleting().build();

        Decision d = plan(host, changedCredentials());

        assertThat(d.status()).isSameAs(host.status());
        assertThat(d.operation()).isEmpty();
        assertThat(d.requeue()).isEmpty();
        assertThat(d.events()).isEmpty();
        assertThat(d.effects()).isEmpty();
        assertThat(LIFECYCLE.mayNeedCapacity(host)).isFalse();
    }

    @Test
    void aProvisionedHostIsDetachedFromTheBackEndWithoutDeprovisioning() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).detached(false).build();

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.Detach.class);
        Decision d = conclude(host, new Outcome.Done());

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.DETACHED);
        assertThat(d.status().provisioning().id()).isEmpty();
        assertThat(d.status().provisioning().image()).isEqualTo(IMAGE);
    }

    @Test
    void aDetachedHostIsOnlyPolledSlowly() {
        Host host = aHost().managed().inState(PROVISIONED).withImage(IMAGE).provisionedWith(IMAGE).detached(false)
                .operationalStatus(OperationalStatus.DETACHED).build();

        Decision d = plan(host, changedCredentials());

        assertThat(d.operation()).isEmpty();
        assertThat(d.requeue()).contains(TIMINGS.unmanagedPoll());
    }

    @Test
    void detachingAHostInTheMiddleOfProvisioningWaitsForProvisioningUnlessForced() {
        Host busy = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE).detached(false).build();
        Host forced = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE).detached(true).build();

        Decision waiting = plan(busy);

        assertThat(waiting.operation()).get().isInstanceOf(Operation.Provision.class);
        assertThat(waiting.status().errorType()).isNull();
        assertThat(plan(forced).operation()).get().isInstanceOf(Operation.Detach.class);
    }

    @Test
    void removingTheDetachedAnnotationRegistersTheHostAgain() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE)
                .operationalStatus(OperationalStatus.DETACHED).build();

        Decision reattached = plan(host);
        Decision next = plan(apply(host, reattached));

        assertThat(reattached.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
        assertThat(reattached.status().goodCredentials()).isNull();
        assertThat(reasons(reattached)).contains("Reattached");
        assertThat(next.operation()).get().isInstanceOf(Operation.Register.class);
    }
}
