package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.metalkube.domain.claim.ClaimPolicyTest.MACHINE;
import static io.metalkube.domain.claim.ClaimPolicyTest.REQUEST;
import static io.metalkube.domain.claim.ClaimPolicyTest.eligible;
import static io.metalkube.domain.host.ProvisioningState.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What CAPM3's chooseHost skips and prefers (metal3machine_manager.go, chooseHost): hosts marked unhealthy by its
 * remediation, and hosts booked for node reuse ({@value ClaimPolicy#NODE_REUSE_LABEL}) by another
 * MachineDeployment or control plane; a host booked for the requester's own group comes first.
 */
class CapmHostSelectionTest {

    private final HostClaims claims = HostClaims.standard();

    private static ClaimRequest forGroup(String group) {
        return new ClaimRequest(MACHINE, "dc1", REQUEST.selector(), REQUEST.image(), null, group);
    }

    @Test
    void anUnhealthyHostIsNotClaimable() {
        Host sick = eligible("sick").unhealthy().build();

        assertThat(ClaimPolicy.NOT_UNHEALTHY.reject(sick, REQUEST)).contains("marked unhealthy (capm3.metal3.io/unhealthy)");
        assertThat(claims.choose(List.of(sick), REQUEST)).isInstanceOfSatisfying(ClaimDecision.NoneAvailable.class,
                n -> assertThat(n.summary()).contains("1 marked unhealthy"));
    }

    @Test
    void aHostBookedForAnotherGroupIsNotClaimable() {
        Host booked = eligible("booked").labelled(ClaimPolicy.NODE_REUSE_LABEL, "md-workers").build();

        assertThat(claims.firstRejection(booked, REQUEST)).contains("reserved for node reuse by md-workers");
        assertThat(claims.firstRejection(booked, forGroup("md-other"))).contains("reserved for node reuse by md-workers");
        assertThat(claims.firstRejection(booked, forGroup("md-workers"))).isEmpty();
    }

    @Test
    void aHostBookedForTheRequestersGroupIsPreferred() {
        List<Host> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(eligible("free-" + i).build());
        }
        Host mine = eligible("zz-booked").labelled(ClaimPolicy.NODE_REUSE_LABEL, "md-workers").build();
        all.add(mine);

        assertThat(claims.choose(all, forGroup("md-workers"))).isInstanceOfSatisfying(ClaimDecision.Chosen.class,
                c -> assertThat(c.host()).isEqualTo(mine));
    }

    @Test
    void whileTheHostBookedForTheGroupIsStillDeprovisioningTheRequesterWaitsForIt() {
        Host mine = eligible("booked").inState(DEPROVISIONING).labelled(ClaimPolicy.NODE_REUSE_LABEL, "md-workers").build();
        List<Host> all = List.of(eligible("free").build(), mine);

        assertThat(claims.choose(all, forGroup("md-workers"))).isInstanceOfSatisfying(ClaimDecision.NoneAvailable.class,
                n -> assertThat(n.summary()).contains("dc1/booked", "reserved for node reuse by md-workers", "deprovisioning"));
        assertThat(claims.choose(all, REQUEST)).as("others still get free hosts").isInstanceOf(ClaimDecision.Chosen.class);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void anUnhealthyHostIsNeverChosen(@ForAll("pools") List<Host> pool, @ForAll("machines") String machine) {
        ClaimRequest request = new ClaimRequest(new ConsumerRef("", "Machine", "dc1", machine), "dc1",
                LabelSelector.ofLabels(Map.of("role", "worker")), HostBuilder.IMAGE, null);

        ClaimDecision d = claims.choose(pool, request);

        if (d instanceof ClaimDecision.Chosen chosen) {
            assertThat(chosen.host().annotations().unhealthy()).isFalse();
            assertThat(chosen.alternatives()).noneMatch(h -> h.annotations().unhealthy());
        }
        if (pool.stream().allMatch(h -> h.annotations().unhealthy())) {
            assertThat(d).isInstanceOf(ClaimDecision.NoneAvailable.class);
        }
    }

    @Provide
    Arbitrary<List<Host>> pools() {
        return Arbitraries.integers().between(0, 1 << 12).list().ofMinSize(1).ofMaxSize(12).map(bits -> {
            List<Host> hosts = new ArrayList<>();
            for (int i = 0; i < bits.size(); i++) {
                int b = bits.get(i);
                HostBuilder h = eligible("h" + i);
                if ((b & 1) != 0) {
                    h.unhealthy();
                }
                if ((b & 2) != 0) {
                    h.inState(PROVISIONED);
                }
                hosts.add(h.build());
            }
            return hosts;
        });
    }

    @Provide
    Arbitrary<String> machines() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    }
}
