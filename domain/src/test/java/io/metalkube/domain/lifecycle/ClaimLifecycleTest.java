package io.metalkube.domain.lifecycle;

import io.metalkube.domain.claim.ClaimDecision;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.claim.ReleaseStep;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.SecretRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A Machine claims a host, the lifecycle provisions it, the Machine releases it, and it comes back available. */
class ClaimLifecycleTest {

    private static final ConsumerRef MACHINE = new ConsumerRef("cluster.x-k8s.io/v1beta1", "Machine", "dc1", "worker-a");
    private static final ClaimRequest REQUEST = new ClaimRequest(MACHINE, "dc1", LabelSelector.everything(), IMAGE,
            new SecretRef("worker-a-user-data", ""));
    private final HostClaims claims = HostClaims.standard();

    private static void settle(Simulation sim, ProvisioningState until) {
        for (int i = 0; i < 20 && sim.host().state() != until; i++) {
            sim.reconcile(LifecycleArbitraries::success);
        }
        assertThat(sim.host().state()).as(String.join("\n", sim.trace())).isEqualTo(until);
    }

    @Test
    void claimProvisionReleaseAndReclaim() {
        Host available = aHost().managed().inState(ProvisioningState.AVAILABLE).poweredOn(false).build();
        Simulation sim = new Simulation(available, goodCredentials(), T0);

        ClaimDecision chosen = claims.choose(List.of(sim.host()), REQUEST);
        assertThat(chosen).isInstanceOf(ClaimDecision.Chosen.class);
        sim.edit(h -> h.withSpec(claims.claim(h, REQUEST)), "claim");
        settle(sim, ProvisioningState.PROVISIONED);
        assertThat(claims.choose(List.of(sim.host()), REQUEST)).isInstanceOf(ClaimDecision.AlreadyClaimed.class);

        ReleaseStep first = claims.release(sim.host(), MACHINE);
        assertThat(first).isInstanceOf(ReleaseStep.ClearSpec.class);
        sim.edit(h -> h.withSpec(((ReleaseStep.ClearSpec) first).spec()), "release: clear spec");
        assertThat(claims.release(sim.host(), MACHINE)).isInstanceOf(ReleaseStep.WaitForDeprovisioning.class);

        settle(sim, ProvisioningState.AVAILABLE);
        ReleaseStep last = claims.release(sim.host(), MACHINE);
        assertThat(last).isInstanceOf(ReleaseStep.ClearConsumer.class);
        sim.edit(h -> h.withSpec(((ReleaseStep.ClearConsumer) last).spec()), "release: clear consumer");

        ClaimRequest other = new ClaimRequest(new ConsumerRef("", "Machine", "dc1", "worker-b"), "dc1", LabelSelector.everything(), IMAGE, null);
        assertThat(claims.choose(List.of(sim.host()), other)).isInstanceOf(ClaimDecision.Chosen.class);
    }
}
