package io.metalkube.application.prove;

import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Capacity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the scale benchmark: every capacity check listed (and sorted) every host, and with the default limit of
 * 20 every delayed host checks again each minute — O(hosts²) per enrolment wave, hours of CPU for 10,000 hosts.
 * A burst of checks now shares one listing per second; the limit still holds and freed slots show within a second.
 */
class CapacityCheckCostTest {

    private final Site site = new Site();

    private HostId host(String name, ProvisioningState state) {
        Host h = site.hosts.put(Host.newHost(new HostId(Site.NS, name), Map.of(), HostSpec.empty())
                .withStatus(HostStatus.initial().withState(state)));
        return h.id();
    }

    @Test
    void aBurstOfChecksListsTheHostsOncePerSecondAndStillHoldsTheLimit() {
        for (int i = 0; i < 3; i++) {
            host("busy-" + i, ProvisioningState.INSPECTING);
        }
        long[] lists = {0};
        StateCountingCapacity capacity = new StateCountingCapacity(new FaultyHostStore(site.hosts, step -> {
            if (step.equals("hosts.listAll")) {
                lists[0]++;
            }
        }), 5, site.clock);
        int granted = 0;
        for (int i = 0; i < 200; i++) {
            if (capacity.check(host("waiting-" + i, ProvisioningState.REGISTERING)) == Capacity.AVAILABLE) {
                granted++;
            }
        }
        assertThat(granted).as("5 slots, 3 taken").isEqualTo(2);
        assertThat(lists[0]).as("listings for 200 checks in the same second").isEqualTo(1);

        site.hosts.put(site.host("busy-0").withStatus(site.host("busy-0").status().withState(ProvisioningState.PREPARING)));
        site.clock.advance(Duration.ofSeconds(1));
        assertThat(capacity.check(new HostId(Site.NS, "waiting-150"))).as("a freed slot is seen after a second").isEqualTo(Capacity.AVAILABLE);
        assertThat(capacity.check(new HostId(Site.NS, "waiting-151"))).isEqualTo(Capacity.EXHAUSTED);
        assertThat(lists[0]).isEqualTo(2);
    }
}
