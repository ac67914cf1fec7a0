package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.metalkube.domain.host.HostBuilder.aHost;
import static io.metalkube.domain.host.ProvisioningState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each eligibility policy on its own: a host that fails exactly that policy, and why (metal3-anchors.md §3.4). */
class ClaimPolicyTest {

    static final ConsumerRef MACHINE = new ConsumerRef("cluster.x-k8s.io/v1beta1", "Machine", "dc1", "worker-a");
    static final ClaimRequest REQUEST = new ClaimRequest(MACHINE, "dc1", LabelSelector.ofLabels(Map.of("role", "worker")),
            HostBuilder.IMAGE, null);

    /** A host every policy accepts. */
    static HostBuilder eligible(String name) {
        return aHost().named(name).managed().inState(AVAILABLE).labelled("role", "worker");
    }

    @Test
    void anEligibleHostPassesEveryPolicy() {
        Host host = eligible("h1").build();

        assertThat(ClaimPolicy.all()).allSatisfy(p -> assertThat(p.reject(host, REQUEST)).as(p.name()).isEmpty());
        assertThat(HostClaims.standard().firstRejection(host, REQUEST)).isEmpty();
    }

    @Test
    void sameNamespace() {
        assertThat(ClaimPolicy.SAME_NAMESPACE.reject(eligible("h1").inNamespace("dc2").build(), REQUEST)).contains("in another namespace");
    }

    @Test
    void available() {
        assertThat(ClaimPolicy.AVAILABLE.reject(eligible("h1").inState(INSPECTING).build(), REQUEST))
                .contains("not available (state \"inspecting\")");
        assertThat(ClaimPolicy.AVAILABLE.reject(eligible("h1").inState(PROVISIONED).build(), REQUEST)).isPresent();
    }

    @Test
    void noConsumer() {
        ConsumerRef other = new ConsumerRef("", "Machine", "dc1", "worker-b");
        assertThat(ClaimPolicy.NO_CONSUMER.reject(eligible("h1").consumedBy(other).build(), REQUEST))
                .contains("already consumed by Machine dc1/worker-b");
    }

    @Test
    void anImageToProvision() {
        ClaimRequest imageless = new ClaimRequest(MACHINE, "dc1", REQUEST.selector(), null, null);

        assertThat(ClaimPolicy.IMAGE_TO_PROVISION.reject(eligible("h1").build(), imageless)).contains("no image to provision");
        assertThat(ClaimPolicy.IMAGE_TO_PROVISION.reject(eligible("h1").withImage(HostBuilder.OTHER_IMAGE).build(), imageless)).isEmpty();
        assertThat(ClaimPolicy.IMAGE_TO_PROVISION.reject(eligible("h1").build(), REQUEST)).isEmpty();
    }

    @Test
    void noError() {
        assertThat(ClaimPolicy.NO_ERROR.reject(eligible("h1").failed(ErrorType.REGISTRATION, 1, Instant.EPOCH).build(), REQUEST))
                .contains("in error (registration error)");
    }

    @Test
    void notBeingDeleted() {
        assertThat(ClaimPolicy.NOT_DELETING.reject(eligible("h1").deleting().build(), REQUEST)).contains("being deleted");
    }

    @Test
    void notPausedOrDetached() {
        assertThat(ClaimPolicy.NOT_PAUSED_OR_DETACHED.reject(eligible("h1").paused().build(), REQUEST)).contains("paused");
        assertThat(ClaimPolicy.NOT_PAUSED_OR_DETACHED.reject(eligible("h1").detached(false).build(), REQUEST)).contains("detached");
    }

    @Test
    void labelsMatch() {
        assertThat(ClaimPolicy.LABELS_MATCH.reject(aHost().named("h1").managed().inState(AVAILABLE).labelled("role", "master").build(), REQUEST))
                .hasValueSatisfying(reason -> assertThat(reason).contains("labels do not match role=worker"));
    }

    @Test
    void policiesHaveReadableNames() {
        assertThat(ClaimPolicy.all()).extracting(ClaimPolicy::name).containsExactly("same namespace", "labels match",
                "not being deleted", "no consumer", "available", "no error", "not paused or detached",
                "not unhealthy", "not reserved for another group", "an image to provision");
        assertThat(ClaimPolicy.AVAILABLE).hasToString("available");
    }

    @Test
    void aClaimerCanUseItsOwnListOfPolicies() {
        HostClaims lenient = new HostClaims(java.util.List.of(ClaimPolicy.NO_CONSUMER));
        Host inspecting = eligible("h1").inState(INSPECTING).build();

        assertThat(lenient.choose(java.util.List.of(inspecting), REQUEST)).isInstanceOf(ClaimDecision.Chosen.class);
        assertThat(HostClaims.standard().choose(java.util.List.of(inspecting), REQUEST)).isInstanceOf(ClaimDecision.NoneAvailable.class);
    }
}
