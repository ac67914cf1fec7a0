package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Power follows spec.online in steady states only; status.poweredOn is what was observed; reboot annotations. */
class PowerTransitionsTest {

    private static Operation op(Host host) {
        return plan(host).operation().orElseThrow(() -> new AssertionError("no operation for " + host.state()));
    }

    @Test
    void anAvailableHostThatShouldBeOnIsPoweredOn() {
        assertThat(op(aHost().managed().inState(AVAILABLE).online().poweredOn(false).build())).isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void aProvisionedHostThatShouldBeOffIsPoweredOffSoftly() {
        Host host = aHost().managed().inState(PROVISIONED).offline().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        assertThat(op(host)).isInstanceOfSatisfying(Operation.PowerOff.class, p -> assertThat(p.mode()).isEqualTo(PowerOffMode.SOFT));
    }

    @Test
    void anExternallyProvisionedHostFollowsOnlineToo() {
        Host host = aHost().managed().inState(EXTERNALLY_PROVISIONED).externallyProvisioned().online().poweredOn(false).build();

        assertThat(op(host)).isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void disablePowerOffKeepsTheHostOn() {
        Host host = aHost().managed().inState(AVAILABLE).online().disablePowerOff().poweredOn(true).build();

        assertThat(op(host)).isInstanceOf(Operation.ReadPower.class);
    }

    @Test
    void offlineWithDisablePowerOffIsAnInvalidSpecThatIsReportedAndNotActedOn() {
        Host host = aHost().managed().inState(AVAILABLE).offline().disablePowerOff().poweredOn(true).build();

        Decision decision = plan(host);

        assertThat(decision.operation()).isEmpty();
        assertThat(decision.status().errorType()).isEqualTo(io.metalkube.domain.host.ErrorType.REGISTRATION);
        assertThat(decision.status().errorMessage())
                .startsWith("spec is invalid")
                .contains("spec.online cannot be false while spec.disablePowerOff is true");
        assertThat(decision.status().state()).isEqualTo(AVAILABLE);
    }

    @Test
    void anUnknownPowerStateIsReadFirst() {
        assertThat(op(aHost().managed().inState(AVAILABLE).online().build())).isInstanceOf(Operation.ReadPower.class);
    }

    @Test
    void aHostInTheRightPowerStateIsPolledAboutOnceAMinute() {
        Host host = aHost().managed().inState(AVAILABLE).online().poweredOn(true).build();

        Decision d = conclude(host, new Outcome.PowerState(true));

        assertThat(d.requeue()).get().isNotNull()
                .satisfies(r -> assertThat(r).isBetween(TIMINGS.steadyPoll(), TIMINGS.steadyPoll().multipliedBy(5).dividedBy(4)));
    }

    @Test
    void onlineIsIgnoredWhileProvisioning() {
        Host host = aHost().managed().inState(PROVISIONING).offline().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        assertThat(plan(host).status().state()).isEqualTo(PROVISIONING);
        assertThat(op(host)).isInstanceOf(Operation.Provision.class);
    }

    @Test
    void onlineIsIgnoredWhileInspecting() {
        assertThat(op(aHost().managed().inState(INSPECTING).online().poweredOn(false).build())).isInstanceOf(Operation.Inspect.class);
    }

    @Test
    void poweredOnIsWhatTheBmcReportedNotWhatWasAsked() {
        Host host = aHost().managed().inState(AVAILABLE).online().poweredOn(false).build();

        Decision stillOff = conclude(host, new Outcome.PowerState(false));
        Decision accepted = conclude(host, new Outcome.Done());
        Decision on = conclude(host, new Outcome.PowerState(true));

        assertThat(stillOff.status().poweredOn()).isFalse();
        assertThat(accepted.status().poweredOn()).isFalse();
        assertThat(on.status().poweredOn()).isTrue();
        assertThat(reasons(on)).contains("PowerOn");
        assertThat(reasons(stillOff)).doesNotContain("PowerOn");
    }

    @Test
    void aRebootAnnotationPowersOffSoftlyFirst() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .reboot(new RebootRequest("", RebootMode.SOFT_THEN_HARD)).build();

        assertThat(op(host)).isInstanceOfSatisfying(Operation.PowerOff.class, p -> assertThat(p.mode()).isEqualTo(PowerOffMode.SOFT));
    }

    @Test
    void aSoftPowerOffThatTakesTooLongBecomesHard() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .reboot(new RebootRequest("", null)).status(s -> s.withPowerOffSince(T0.minus(TIMINGS.softPowerOffTimeout()))).build();
        Host notYet = host.withStatus(host.status().withPowerOffSince(T0.minus(TIMINGS.softPowerOffTimeout()).plusSeconds(1)));

        assertThat(op(host)).isInstanceOfSatisfying(Operation.PowerOff.class, p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
        assertThat(op(notYet)).isInstanceOfSatisfying(Operation.PowerOff.class, p -> assertThat(p.mode()).isEqualTo(PowerOffMode.SOFT));
    }

    @Test
    void aFailedSoftPowerOffIsFollowedByAHardOne() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .reboot(new RebootRequest("", null)).build();

        Decision failed = conclude(host, new Outcome.Failed("ACPI shutdown ignored"));

        assertThat(reasons(failed)).contains("SoftPowerOffFailed");
        assertThat(op(apply(host, failed))).isInstanceOfSatisfying(Operation.PowerOff.class,
                p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
    }

    @Test
    void aHardRebootPowersOffHardAtOnce() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .reboot(new RebootRequest("", RebootMode.HARD)).build();

        assertThat(op(host)).isInstanceOfSatisfying(Operation.PowerOff.class, p -> assertThat(p.mode()).isEqualTo(PowerOffMode.HARD));
    }

    @Test
    void onceTheHostIsOffTheRebootAnnotationIsClearedAndPowerFollowsOnlineAgain() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(false)
                .reboot(new RebootRequest("", null)).build();

        Decision cleared = plan(host);
        Host after = apply(host, cleared);

        assertThat(cleared.effects()).containsExactly(Effect.CLEAR_ONCE_REBOOT);
        assertThat(after.annotations().reboots()).isEmpty();
        assertThat(op(after)).isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void aKeyedRebootKeepsTheHostOffUntilRemoved() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(false)
                .reboot(new RebootRequest("remediation", null)).build();

        Decision d = plan(host);

        assertThat(d.effects()).isEmpty();
        assertThat(d.operation()).get().isInstanceOf(Operation.ReadPower.class);
        assertThat(op(host.withAnnotations(host.annotations().withReboots(java.util.List.of())))).isInstanceOf(Operation.PowerOn.class);
    }

    @Test
    void aPowerActionThatIsAcceptedButNotYetVisibleIsCheckedAgainSoon() {
        Decision d = conclude(aHost().managed().inState(AVAILABLE).online().poweredOn(false).build(), new Outcome.Done());

        assertThat(d.requeue()).get().isEqualTo(Duration.ofSeconds(5));
    }
}
