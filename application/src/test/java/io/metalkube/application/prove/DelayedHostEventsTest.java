package io.metalkube.application.prove;

import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the scale benchmark (25,500 "Registered" events for 1,000 hosts): a registered host waiting for a
 * provisioning slot published "Registered" again on every retry — one Kubernetes Event write per host per minute.
 */
class DelayedHostEventsTest {

    @Test
    void aHostWaitingForAProvisioningSlotSaysRegisteredOnce() {
        Site site = new Site(FixtureTimings.realistic());
        site.provisioningLimit = 1;
        for (int i = 0; i < 4; i++) {
            site.addHost("h" + i, Map.of());
        }
        ControlLoop loop = new ControlLoop(site, site.operator());
        boolean[] sawDelayed = {false};
        loop.observeEachReconcile(() -> sawDelayed[0] |= site.hosts.listAll().stream()
                .anyMatch(h -> h.status().operationalStatus() == OperationalStatus.DELAYED));
        assertThat(loop.runUntil(() -> site.hosts.listAll().stream().allMatch(h -> h.state() == ProvisioningState.AVAILABLE), 5000)).isTrue();
        assertThat(sawDelayed[0]).as("hosts really waited for the slot").isTrue();
        for (int i = 0; i < 4; i++) {
            HostId id = new HostId(Site.NS, "h" + i);
            assertThat(site.events.reasons(id).stream().filter("Registered"::equals).count()).as("Registered events of %s", id).isEqualTo(1);
        }
    }
}
