package io.metalkube.kubernetes.bench;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.HostId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale benchmark's double-claim assertion (KubernetesScaleBench exits 1 on any violation) fed double claims
 * directly, so a change that blinds it fails here and not only in a 10,000-host run.
 */
class ClaimLedgerTest {

    static final HostId HOST_A = new HostId("bench", "host-a");
    static final HostId HOST_B = new HostId("bench", "host-b");
    static final ConsumerRef M1 = machine("machine-1");
    static final ConsumerRef M2 = machine("machine-2");

    final BenchProbes.ClaimLedger ledger = new BenchProbes.ClaimLedger();

    @Test
    void aHostClaimedByASecondMachineWhileTheFirstHoldsItIsADoubleClaim() {
        ledger.committed(HOST_A, null, M1);
        ledger.committed(HOST_A, null, M2);   // a claimer that wrote over a stale read

        assertThat(ledger.violations()).containsExactly("host bench/host-a claimed by bench/machine-2 while bench/machine-1 held it");
    }

    @Test
    void aHostTakenOverFromItsConsumerIsADoubleClaim() {
        ledger.committed(HOST_A, null, M1);
        ledger.committed(HOST_A, M1, M2);

        assertThat(ledger.violations()).containsExactly("host bench/host-a claimed by bench/machine-2 while bench/machine-1 held it");
    }

    @Test
    void aMachineClaimingASecondHostWhileItHoldsOneIsADoubleClaim() {
        ledger.committed(HOST_A, null, M1);
        ledger.committed(HOST_B, null, M1);

        assertThat(ledger.violations()).containsExactly("Machine bench/machine-1 claimed host bench/host-b while it held bench/host-a");
    }

    @Test
    void claimsReleasesAndClaimsByOtherMachinesAreNoViolation() {
        ledger.committed(HOST_A, null, M1);
        ledger.committed(HOST_A, M1, M1);     // a spec write that keeps the consumer
        ledger.committed(HOST_B, null, M2);
        ledger.committed(HOST_A, M1, null);   // released
        ledger.committed(HOST_A, null, machine("machine-3"));
        ledger.committed(HOST_B, M2, null);
        ledger.committed(HOST_B, null, M1);   // machine-1 released host-a, so it may claim again

        assertThat(ledger.violations()).isEmpty();
    }

    @Test
    void anEndStateWithAMachineConsumingTwoHostsOrNamingAHostNotItsOwnIsADoubleClaim() {
        ledger.endState(Map.of("host-a", "machine-1", "host-b", "machine-1", "host-c", "machine-2"),
                Map.of("machine-1", "host-a", "machine-2", "host-a"));

        assertThat(ledger.violations()).containsExactly(
                "on the API server at the end: Machine machine-1 is the consumer of hosts [host-a, host-b]",
                "on the API server at the end: Machine machine-2 says host host-a, but that host's consumer is not it (hosts naming it: [host-c])");
    }

    @Test
    void aConsistentEndStateIsNoViolation() {
        ledger.endState(Map.of("host-a", "machine-1", "host-b", "machine-2"), Map.of("machine-1", "host-a", "machine-2", "host-b"));

        assertThat(ledger.violations()).isEmpty();
    }

    private static ConsumerRef machine(String name) {
        return new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", "bench", name);
    }
}
