package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A host leaving its provisioning slot wakes the host that has waited longest for one, and only then. */
class SlotWaitersTest {

    final List<ResourceID> woken = new ArrayList<>();
    final SlotWaiters waiters = new SlotWaiters(woken::add);

    @Test
    void aFreedSlotWakesTheLongestWaitingHostOnce() {
        waiters.observed(id("a"), "registering", Optional.of(host("a", ProvisioningState.REGISTERING, OperationalStatus.DELAYED)));
        waiters.observed(id("b"), "registering", Optional.of(host("b", ProvisioningState.REGISTERING, OperationalStatus.DELAYED)));
        waiters.observed(id("busy"), "inspecting", Optional.of(host("busy", ProvisioningState.INSPECTING, OperationalStatus.OK)));
        assertThat(woken).as("no slot freed yet").isEmpty();

        waiters.observed(id("busy"), "inspecting", Optional.of(host("busy", ProvisioningState.PREPARING, OperationalStatus.OK)));
        assertThat(woken).containsExactly(new ResourceID("a", "site"));
        assertThat(waiters.size()).isEqualTo(1);

        waiters.observed(id("gone"), "deprovisioning", Optional.empty());
        assertThat(woken).containsExactly(new ResourceID("a", "site"), new ResourceID("b", "site"));
        waiters.observed(id("other"), "provisioning", Optional.empty());
        assertThat(woken).as("nobody left waiting").hasSize(2);
    }

    @Test
    void aHostThatIsNoLongerDelayedLeavesTheQueue() {
        waiters.observed(id("a"), "registering", Optional.of(host("a", ProvisioningState.REGISTERING, OperationalStatus.DELAYED)));
        waiters.observed(id("a"), "registering", Optional.of(host("a", ProvisioningState.INSPECTING, OperationalStatus.OK)));
        assertThat(waiters.size()).isZero();
    }

    static HostId id(String name) {
        return new HostId("site", name);
    }

    static Host host(String name, ProvisioningState state, OperationalStatus op) {
        return Host.newHost(id(name), Map.of(), HostSpec.empty())
                .withStatus(HostStatus.initial().withState(state).withOperationalStatus(op));
    }
}
