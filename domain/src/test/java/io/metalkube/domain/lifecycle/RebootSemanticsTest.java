package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 3, against metal3's manageHostPower and actionPowerOffBeforeDeleting: a host with spec.disablePowerOff
 * is power-cycled by a reboot annotation and never left off, also not on deletion; the annotation's {@code force}
 * decides whether a host that is not provisioned reboots at all.
 */
class RebootSemanticsTest {

    private static final RebootRequest ONCE = new RebootRequest("", RebootMode.SOFT_THEN_HARD);

    private static Host neverOff(RebootRequest... reboots) {
        return aHost().managed().inState(PROVISIONED).online().disablePowerOff().withImage(IMAGE).provisionedWith(IMAGE)
                .poweredOn(true).reboot(reboots).build();
    }

    @Test
    void aRebootOfAHostThatMayNotBePoweredOffIsAPowerCycleAndTheAnnotationIsServed() {
        Host host = neverOff(ONCE);

        Decision planned = plan(host);
        assertThat(planned.operation()).get().isInstanceOfSatisfying(Operation.Reboot.class,
                r -> assertThat(r.mode()).isEqualTo(PowerOffMode.SOFT));
        Decision done = LIFECYCLE.conclude(apply(host, planned), planned.operation().get(), new Outcome.Done(), T0);

        assertThat(done.effects()).containsExactly(Effect.CLEAR_ONCE_REBOOT);
        assertThat(reasons(done)).contains("Rebooted");
        Host after = apply(apply(host, planned), done);
        assertThat(after.annotations().reboots()).isEmpty();
        assertThat(plan(after).operation()).get().isInstanceOf(Operation.ReadPower.class);
    }

    @Test
    void aKeyedRebootPowerCyclesOnceAndIsRememberedUntilItsAnnotationGoes() {
        RebootRequest remediation = new RebootRequest("metal3-remediation-uid", RebootMode.HARD);
        Host host = neverOff(remediation);

        Decision planned = plan(host);
        assertThat(planned.operation()).get().isInstanceOfSatisfying(Operation.Reboot.class,
                r -> assertThat(r.mode()).isEqualTo(PowerOffMode.HARD));
        Host after = apply(host, LIFECYCLE.conclude(apply(host, planned), planned.operation().get(), new Outcome.PowerState(true), T0));

        assertThat(after.status().servedReboots()).containsExactly("metal3-remediation-uid");
        assertThat(after.annotations().reboots()).as("CAPM3's key is never removed by the operator").hasSize(1);
        assertThat(plan(after).operation()).as("served: no second power cycle").get().isInstanceOf(Operation.ReadPower.class);

        Host removed = after.withAnnotations(after.annotations().withReboots(List.of()));
        Decision forgotten = plan(removed);
        assertThat(forgotten.status().servedReboots()).isEmpty();
        Host again = apply(removed, forgotten).withAnnotations(host.annotations());
        assertThat(plan(again).operation()).as("the same key set again is a new request").get().isInstanceOf(Operation.Reboot.class);
    }

    @Test
    void aHostThatMayNotBePoweredOffAndIsFoundOffIsPoweredOn() {
        Host host = neverOff().withStatus(neverOff().status().withPoweredOn(false));

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void aFailedPowerCycleIsAPowerManagementErrorAndIsRetriedHardAfterTheBackoff() {
        Host host = neverOff(ONCE);
        Decision planned = plan(host);
        Decision failed = LIFECYCLE.conclude(apply(host, planned), planned.operation().get(), new Outcome.Failed("BMC busy"), T0);
        Host after = apply(apply(host, planned), failed);

        assertThat(after.status().errorType()).isEqualTo(io.metalkube.domain.host.ErrorType.POWER_MANAGEMENT);
        assertThat(after.annotations().reboots()).hasSize(1);
        Decision retry = LIFECYCLE.plan(after, goodCredentials(), T0.plus(java.time.Duration.ofHours(1)));
        assertThat(retry.operation()).get().isInstanceOfSatisfying(Operation.Reboot.class, r -> assertThat(r.mode()).isEqualTo(PowerOffMode.HARD));
    }

    @Test
    void deletingAHostThatMayNotBePoweredOffNeverPowersItOff() {
        for (var state : List.of(AVAILABLE, PROVISIONED, EXTERNALLY_PROVISIONED, PREPARING, INSPECTING)) {
            Host host = aHost().managed().inState(state).online().disablePowerOff().withImage(IMAGE).provisionedWith(IMAGE)
                    .poweredOn(true).deleting().build();
            List<String> ops = new ArrayList<>();
            Simulation sim = new Simulation(host, goodCredentials(), T0);
            for (int i = 0; i < 20 && !sim.host().state().equals(DELETING); i++) {
                sim.reconcile(op -> {
                    ops.add(op.kind());
                    return new Outcome.Done();
                });
            }
            assertThat(sim.host().state()).as(state + ": " + sim.trace()).isEqualTo(DELETING);
            assertThat(ops).as("operations deleting a host from " + state).doesNotContain("poweroff");
            assertThat(sim.trace()).as("skipped, with a reason").anyMatch(t -> t.contains("powering off before delete"));
        }
    }

    @Test
    void theSkippedPowerOffIsExplainedInAnEvent() {
        Host host = aHost().managed().inState(POWERING_OFF_BEFORE_DELETE).online().disablePowerOff().poweredOn(true).deleting().build();

        Decision d = plan(host);

        assertThat(d.operation()).isEmpty();
        assertThat(d.status().state()).isEqualTo(DELETING);
        assertThat(d.events()).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("PowerOffSkipped");
            assertThat(e.message()).contains("disablePowerOff");
        });
    }

    @Test
    void onAnAvailableHostOnlyAForcedRebootIsServed() {
        Host available = aHost().managed().inState(AVAILABLE).online().poweredOn(true).build();
        Host plain = available.withAnnotations(available.annotations().withReboots(List.of(ONCE)));
        Host forced = available.withAnnotations(available.annotations().withReboots(List.of(new RebootRequest("", RebootMode.HARD, true))));

        assertThat(plan(plain).operation()).as("metal3: normal reboots only work in provisioned states").get()
                .isInstanceOf(Operation.ReadPower.class);
        assertThat(plan(forced).operation()).get().isInstanceOfSatisfying(Operation.PowerOff.class,
                p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
    }

    @Test
    void aProvisionedHostServesEveryRebootForcedOrNot() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .reboot(new RebootRequest("ops", RebootMode.SOFT_THEN_HARD, false)).build();

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.PowerOff.class);
    }

    @Test
    void anUnforcedRebootOnAnAvailableHostThatIsOffIsDroppedWithoutAnEvent() {
        Host host = aHost().managed().inState(AVAILABLE).offline().poweredOn(false).reboot(ONCE).build();

        Decision d = plan(host);

        assertThat(d.effects()).containsExactly(Effect.CLEAR_ONCE_REBOOT);
        assertThat(reasons(d)).doesNotContain("RebootPoweredOff");
    }
}
