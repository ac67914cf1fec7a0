package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** metal3's checkInitiateDelete and the deletion states (metal3-anchors.md §1.8.2). */
class DeletionTransitionsTest {

    /** Drives a deleting host with a cooperative back-end and returns the states it went through, ending in "removed". */
    private static List<String> deletionPath(Host host) {
        List<String> path = new ArrayList<>(List.of(host.state().wireName()));
        Instant now = T0;
        for (int i = 0; i < 20; i++) {
            Decision d = LIFECYCLE.plan(host, goodCredentials(), now);
            host = apply(host, d);
            if (d.operation().isPresent()) {
                Outcome answer = d.operation().get() instanceof Operation.PowerOff ? new Outcome.PowerState(false) : new Outcome.Done();
                d = LIFECYCLE.conclude(host, d.operation().get(), answer, now);
                host = apply(host, d);
            }
            if (!path.getLast().equals(host.state().wireName())) {
                path.add(host.state().wireName());
            }
            if (d.effects().contains(Effect.REMOVE_FINALIZER)) {
                path.add("removed");
                return path;
            }
            now = now.plus(d.requeue().orElseThrow(() -> new AssertionError("deletion stalled without requeue")));
        }
        throw new AssertionError("deletion did not finish: " + path);
    }

    private static Host deleting(ProvisioningState state) {
        return aHost().managed().inState(state).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).deleting().build();
    }

    @ParameterizedTest
    @EnumSource(ProvisioningState.class)
    void deletionFinishesFromEveryState(ProvisioningState state) {
        assertThat(deletionPath(deleting(state))).endsWith("deleting", "removed");
    }

    @Test
    void aProvisionedHostIsDeprovisionedThenPoweredOffThenDeleted() {
        assertThat(deletionPath(deleting(PROVISIONED)))
                .containsExactly("provisioned", "deprovisioning", "powering off before delete", "deleting", "removed");
    }

    @Test
    void anAvailableHostIsPoweredOffHardBeforeDelete() {
        Host host = deleting(AVAILABLE);

        Decision first = plan(host);
        Decision second = plan(apply(host, first));

        assertThat(first.status().state()).isEqualTo(POWERING_OFF_BEFORE_DELETE);
        assertThat(second.operation()).get().isInstanceOfSatisfying(Operation.PowerOff.class,
                p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
    }

    @Test
    void aRegisteringHostIsDeletedDirectly() {
        assertThat(deletionPath(deleting(REGISTERING))).containsExactly("registering", "deleting", "removed");
    }

    @Test
    void aNeverRegisteredHostIsRemovedWithoutTouchingTheBackEnd() {
        Host host = aHost().withBmc().inState(DELETING).deleting().build();

        Decision d = plan(host);

        assertThat(d.operation()).isEmpty();
        assertThat(d.effects()).containsExactly(Effect.REMOVE_FINALIZER);
    }

    @Test
    void aDetachedHostSkipsStraightToDeletingAndLeavesTheBackEndAlone() {
        Host host = aHost().managed().inState(PROVISIONED).withImage(IMAGE).provisionedWith(IMAGE).detached(false)
                .operationalStatus(io.metalkube.domain.host.OperationalStatus.DETACHED).deleting().build();

        Decision first = plan(host);
        Decision second = plan(apply(host, first));

        assertThat(first.status().state()).isEqualTo(DELETING);
        assertThat(second.operation()).isEmpty();
        assertThat(second.effects()).containsExactly(Effect.REMOVE_FINALIZER);
    }

    @Test
    void deprovisioningWithoutUsableCredentialsSkipsToDeleting() {
        Decision d = plan(deleting(DEPROVISIONING), missingSecret());

        assertThat(d.status().state()).isEqualTo(DELETING);
        assertThat(reasons(d)).contains("DeprovisioningSkipped");
    }

    @Test
    void aFailedPowerOffBeforeDeleteIsRetriedWithBackoff() {
        Host host = deleting(POWERING_OFF_BEFORE_DELETE);

        Decision d = conclude(host, new Outcome.Failed("BMC timeout"));

        assertThat(d.status().state()).isEqualTo(POWERING_OFF_BEFORE_DELETE);
        assertThat(d.status().errorType()).isEqualTo(ErrorType.POWER_MANAGEMENT);
        assertThat(d.requeue()).contains(LIFECYCLE.backoff().after(1, host.id()));
    }

    @Test
    void deletionGivesUpAPhaseAfterThreeFailures() {
        Host threeFailures = aHost().managed().inState(POWERING_OFF_BEFORE_DELETE).poweredOn(true).deleting()
                .failed(ErrorType.POWER_MANAGEMENT, 3, T0.minusSeconds(86_400)).build();
        Host twoFailures = aHost().managed().inState(POWERING_OFF_BEFORE_DELETE).poweredOn(true).deleting()
                .failed(ErrorType.POWER_MANAGEMENT, 2, T0.minusSeconds(86_400)).build();

        Decision fourth = conclude(threeFailures, new Outcome.Failed("BMC timeout"));
        Decision third = conclude(twoFailures, new Outcome.Failed("BMC timeout"));

        assertThat(third.status().state()).isEqualTo(POWERING_OFF_BEFORE_DELETE);
        assertThat(third.status().errorCount()).isEqualTo(3);
        assertThat(fourth.status().state()).isEqualTo(DELETING);
        assertThat(fourth.status().errorCount()).isZero();
        assertThat(reasons(fourth)).contains("DeletionStepSkipped");
    }

    @Test
    void theDeletionStatesFinishEvenWhenTheDeletionFlagIsMissing() {
        Host poweringOff = aHost().managed().inState(POWERING_OFF_BEFORE_DELETE).poweredOn(true).build();
        Host removing = aHost().managed().inState(DELETING).build();

        Decision off = conclude(poweringOff, new Outcome.PowerState(false));
        Decision removed = conclude(removing, new Outcome.Done());

        assertThat(off.status().state()).isEqualTo(DELETING);
        assertThat(removed.effects()).contains(Effect.REMOVE_FINALIZER);
    }

    @Test
    void aBmcThatStaysOnAfterAHardPowerOffDoesNotBlockDeletionForever() {
        Simulation sim = new Simulation(deleting(POWERING_OFF_BEFORE_DELETE), goodCredentials(), T0);

        for (int round = 0; round < 20; round++) {
            if (sim.reconcile(op -> new Outcome.PowerState(true)).removedFinalizer()) {
                assertThat(sim.trace()).anyMatch(t -> t.contains("--> deleting"));
                return;
            }
        }
        throw new AssertionError("deletion stuck:\n" + String.join("\n", sim.trace()));
    }

    @Test
    void aBmcStuckPoweringOffDoesNotBlockDeletionForever() {
        Simulation sim = new Simulation(deleting(POWERING_OFF_BEFORE_DELETE), goodCredentials(), T0);

        for (int round = 0; round < 200; round++) {
            if (sim.reconcile(op -> op instanceof Operation.PowerOff
                    ? new Outcome.InProgress(java.time.Duration.ofSeconds(10), "BMC still reports power on") : new Outcome.Done()).removedFinalizer()) {
                assertThat(sim.trace()).anyMatch(t -> t.contains("--> deleting"));
                assertThat(java.time.Duration.between(T0, sim.now())).isLessThan(java.time.Duration.ofHours(1));
                return;
            }
        }
        throw new AssertionError("deletion stuck:\n" + String.join("\n", sim.trace().subList(0, 10)));
    }

    @Test
    void anAcceptedPowerOffBeforeDeleteMovesOnButRecordsOnlyWhatWasObserved() {
        Host host = deleting(POWERING_OFF_BEFORE_DELETE);

        Decision accepted = conclude(host, new Outcome.Done());
        Decision observedOff = conclude(host, new Outcome.PowerState(false));

        assertThat(accepted.status().state()).isEqualTo(DELETING);
        assertThat(accepted.status().poweredOn()).isTrue();
        assertThat(observedOff.status().poweredOn()).isFalse();
    }

    @Test
    void aBackEndThatNeverDeletesIsGivenUpOnAndTheFinalizerRemoved() {
        Host host = aHost().managed().inState(DELETING).deleting().failed(ErrorType.REGISTRATION, 3, T0.minusSeconds(86_400)).build();

        Decision d = conclude(host, new Outcome.Failed("node locked"));

        assertThat(d.effects()).contains(Effect.REMOVE_FINALIZER);
    }
}
