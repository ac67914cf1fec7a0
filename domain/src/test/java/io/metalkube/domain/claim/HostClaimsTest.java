package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static io.metalkube.domain.claim.ClaimPolicyTest.MACHINE;
import static io.metalkube.domain.claim.ClaimPolicyTest.REQUEST;
import static io.metalkube.domain.claim.ClaimPolicyTest.eligible;
import static io.metalkube.domain.host.HostBuilder.IMAGE;
import static io.metalkube.domain.host.HostBuilder.OTHER_IMAGE;
import static io.metalkube.domain.host.ProvisioningState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Choosing, claiming and releasing hosts (metal3-anchors.md §3.2–§3.4). */
class HostClaimsTest {

    private final HostClaims claims = HostClaims.standard();

    private static List<Host> hosts(int n) {
        return IntStream.range(0, n).mapToObj(i -> eligible("host-" + i).build()).toList();
    }

    private static ClaimRequest requestFor(String machine) {
        return new ClaimRequest(new ConsumerRef("", "Machine", "dc1", machine), "dc1", LabelSelector.everything(), IMAGE,
                new SecretRef(machine + "-user-data", ""));
    }

    @Test
    void anEligibleHostIsChosenAndTheOthersAreAlternatives() {
        Host busy = eligible("busy").inState(PROVISIONED).build();
        List<Host> all = new ArrayList<>(hosts(3));
        all.add(busy);

        ClaimDecision d = claims.choose(all, REQUEST);

        assertThat(d).isInstanceOfSatisfying(ClaimDecision.Chosen.class, c -> {
            assertThat(c.host().state()).isEqualTo(AVAILABLE);
            assertThat(c.alternatives()).hasSize(2).doesNotContain(c.host(), busy);
        });
    }

    @Test
    void theChoiceIsDeterministicWhateverTheListOrder() {
        List<Host> all = new ArrayList<>(hosts(12));
        Host first = ((ClaimDecision.Chosen) claims.choose(all, REQUEST)).host();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(all, random);
            assertThat(((ClaimDecision.Chosen) claims.choose(all, REQUEST)).host()).isEqualTo(first);
        }
    }

    @Test
    void differentMachinesPreferDifferentHosts() {
        List<Host> all = hosts(20);
        Set<Host> firstChoices = new HashSet<>();
        for (int m = 0; m < 20; m++) {
            firstChoices.add(((ClaimDecision.Chosen) claims.choose(all, requestFor("machine-" + m))).host());
        }
        assertThat(firstChoices).hasSizeGreaterThan(5);
    }

    @Test
    void aHostAlreadyConsumedByThisMachineIsTheAnswerWhateverItsState() {
        Host mine = eligible("zz-mine").inState(PROVISIONED).consumedBy(MACHINE).build();
        List<Host> all = new ArrayList<>(hosts(5));
        all.add(mine);

        assertThat(claims.choose(all, REQUEST)).isEqualTo(new ClaimDecision.AlreadyClaimed(mine));
    }

    @Test
    void theSameMachineIsRecognisedWithoutItsApiVersion() {
        Host mine = eligible("mine").consumedBy(new ConsumerRef("", "Machine", "dc1", "worker-a")).build();

        assertThat(claims.choose(List.of(mine), REQUEST)).isInstanceOf(ClaimDecision.AlreadyClaimed.class);
    }

    @Test
    void whenNothingIsEligibleTheSummarySaysWhy() {
        List<Host> all = List.of(eligible("a").inState(PROVISIONED).build(), eligible("b").inState(PROVISIONED).build(),
                eligible("c").inState(PROVISIONED).build(), eligible("d").paused().build());

        ClaimDecision d = claims.choose(all, REQUEST);

        assertThat(d).isInstanceOfSatisfying(ClaimDecision.NoneAvailable.class, n -> assertThat(n.summary())
                .contains("role=worker", "4 hosts", "3 not available (state \"provisioned\")", "1 paused"));
        assertThat(claims.choose(List.of(), REQUEST)).isEqualTo(new ClaimDecision.NoneAvailable("no hosts in namespace dc1"));
    }

    @Test
    void aRequestWithoutAnImageGetsOnlyAHostThatCarriesOneAndCountsTheHostsThatLackOnlyThat() {
        ClaimRequest imageless = new ClaimRequest(MACHINE, "dc1", REQUEST.selector(), null, null);
        Host carrying = eligible("carrying").withImage(OTHER_IMAGE).build();
        List<Host> bare = List.of(eligible("a").build(), eligible("b").build(), eligible("busy").inState(PROVISIONED).build());

        assertThat(claims.choose(bare, imageless)).isInstanceOfSatisfying(ClaimDecision.NoneAvailable.class, n -> {
            assertThat(n.lackingOnlyAnImage()).isEqualTo(2);
            assertThat(n.summary()).contains("2 no image to provision");
        });
        List<Host> all = new ArrayList<>(bare);
        all.add(carrying);
        assertThat(claims.choose(all, imageless)).isInstanceOfSatisfying(ClaimDecision.Chosen.class,
                c -> assertThat(c.host()).isEqualTo(carrying));
    }

    @Test
    void claimingSetsTheConsumerTheImageTheUserDataAndOnline() {
        ClaimRequest request = requestFor("worker-a");

        HostSpec spec = claims.claim(eligible("h").build(), request);

        assertThat(spec.consumerRef()).isEqualTo(request.consumer());
        assertThat(spec.image()).isEqualTo(IMAGE);
        assertThat(spec.userData()).isEqualTo(new SecretRef("worker-a-user-data", ""));
        assertThat(spec.online()).isTrue();
    }

    @Test
    void aCustomDeployRequestSetsTheMethodAndTheUserDataAndNoImage() {
        ClaimRequest request = new ClaimRequest(new ConsumerRef("machine.openshift.io/v1beta1", "Machine", "dc1", "worker-a"), "dc1",
                LabelSelector.everything(), null, new SecretRef("worker-user-data", "dc1"))
                .withCustomDeploy(new io.metalkube.domain.host.CustomDeploy("install_coreos"));

        HostSpec spec = claims.claim(eligible("h").build(), request);

        assertThat(spec.customDeploy().method()).isEqualTo("install_coreos");
        assertThat(spec.image()).isNull();
        assertThat(spec.userData()).isEqualTo(new SecretRef("worker-user-data", "dc1"));
        assertThat(spec.online()).isTrue();
        assertThat(ClaimPolicy.IMAGE_TO_PROVISION.reject(eligible("h").build(), request)).as("a custom deploy is something to provision").isEmpty();
        assertThat(request.withImageIfNone(OTHER_IMAGE)).as("the site's default image does not replace a custom deploy").isEqualTo(request);
    }

    @Test
    void claimingNeverReplacesAnImageAlreadyThere() {
        Host host = eligible("h").withImage(OTHER_IMAGE).build();

        HostSpec spec = claims.claim(host, requestFor("worker-a"));

        assertThat(spec.image()).isEqualTo(OTHER_IMAGE);
        assertThat(spec.userData()).isNull();
    }

    @Test
    void claimingNeverAddsAnImageToAHostWithACustomDeploy() {
        Host host = eligible("h").withCustomDeploy("install_coreos").build();

        HostSpec spec = claims.claim(host, requestFor("worker-a"));

        assertThat(spec.image()).isNull();
        assertThat(spec.customDeploy().method()).isEqualTo("install_coreos");
        assertThat(spec.online()).isTrue();
    }

    @Test
    void releaseClearsACustomDeployLikeAnImage() {
        Host mine = eligible("h").inState(PROVISIONED).consumedBy(MACHINE).online().withCustomDeploy("install_coreos").build();

        assertThat(claims.release(mine, MACHINE)).isInstanceOfSatisfying(ReleaseStep.ClearSpec.class, c -> {
            assertThat(c.spec().customDeploy()).isNull();
            assertThat(c.spec().online()).isFalse();
        });
    }

    @Test
    void releaseLeavesSomeoneElsesHostAlone() {
        Host theirs = eligible("h").consumedBy(new ConsumerRef("", "Machine", "dc1", "other")).online().withImage(IMAGE).build();

        assertThat(claims.release(theirs, MACHINE)).isInstanceOf(ReleaseStep.NotOurs.class);
    }

    @Test
    void releaseFirstClearsImageUserDataAndOnlineButKeepsTheConsumer() {
        Host mine = eligible("h").inState(PROVISIONED).consumedBy(MACHINE).online().withImage(IMAGE)
                .spec(s -> s.withUserData(new SecretRef("ud", ""))).build();

        assertThat(claims.release(mine, MACHINE)).isInstanceOfSatisfying(ReleaseStep.ClearSpec.class, c -> {
            assertThat(c.spec().image()).isNull();
            assertThat(c.spec().userData()).isNull();
            assertThat(c.spec().online()).isFalse();
            assertThat(c.spec().consumerRef()).isEqualTo(MACHINE);
        });
    }

    @Test
    void releaseLeavesAHostThatMayNotBePoweredOffOn() {
        Host mine = eligible("h").inState(PROVISIONED).consumedBy(MACHINE).online().disablePowerOff().withImage(IMAGE).build();

        assertThat(claims.release(mine, MACHINE)).isInstanceOfSatisfying(ReleaseStep.ClearSpec.class, c -> {
            assertThat(c.spec().image()).isNull();
            assertThat(c.spec().online()).as("online stays true with disablePowerOff (metal3's webhook refuses false)").isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(names = {"PROVISIONING", "PROVISIONED", "DEPROVISIONING", "PREPARING", "POWERING_OFF_BEFORE_DELETE", "DELETING"})
    void releaseThenWaitsForDeprovisioning(io.metalkube.domain.host.ProvisioningState state) {
        Host cleared = eligible("h").inState(state).consumedBy(MACHINE).build();

        assertThat(claims.release(cleared, MACHINE)).isEqualTo(new ReleaseStep.WaitForDeprovisioning(state));
    }

    @Test
    void releaseFinallyClearsTheConsumerOnceTheHostIsAvailable() {
        Host cleared = eligible("h").inState(AVAILABLE).consumedBy(MACHINE).build();

        assertThat(claims.release(cleared, MACHINE)).isInstanceOfSatisfying(ReleaseStep.ClearConsumer.class,
                c -> assertThat(c.spec().consumerRef()).isNull());
    }

    @Test
    void anExternallyProvisionedHostIsReleasedOnlyOncePoweredOff() {
        Host stillOn = eligible("h").inState(EXTERNALLY_PROVISIONED).consumedBy(MACHINE).poweredOn(true).build();
        Host off = eligible("h").inState(EXTERNALLY_PROVISIONED).consumedBy(MACHINE).poweredOn(false).build();

        assertThat(claims.release(stillOn, MACHINE)).isInstanceOf(ReleaseStep.WaitForDeprovisioning.class);
        assertThat(claims.release(off, MACHINE)).isInstanceOf(ReleaseStep.ClearConsumer.class);
    }

    @Test
    void aReleasedHostCanBeClaimedByAnotherMachine() {
        Host released = eligible("h").build();
        Host claimed = released.withSpec(claims.claim(released, requestFor("worker-b")));

        assertThat(claims.choose(List.of(claimed), REQUEST)).isInstanceOf(ClaimDecision.NoneAvailable.class);
        assertThat(claims.choose(List.of(released), REQUEST)).isInstanceOf(ClaimDecision.Chosen.class);
    }
}
