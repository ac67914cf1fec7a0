package io.metalkube.application.contract;

import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link PowerControl} adapter passes, run against the in-memory fake and against each real
 * adapter with a real peer behind it. Subclasses provide the adapter and out-of-band access to the peer's truth.
 */
public abstract class PowerControlContract {

    /** The adapter under test. */
    protected abstract PowerControl power();

    /** A host the adapter can reach, with a fresh peer (BMC) behind it. */
    protected abstract BackendTarget newTarget();

    /** The peer's real power state, read out of band (simulator state, fake's own state). */
    protected abstract boolean peerPoweredOn(BackendTarget target);

    /** Changes the peer's power out of band, as someone at the machine would. */
    protected abstract void setPeerPower(BackendTarget target, boolean on);

    /** The same host with a wrong password. */
    protected abstract BackendTarget withWrongPassword(BackendTarget target);

    /** How long an adapter may take to make a power change visible; real BMCs need a moment. */
    protected Duration settleTimeout() {
        return Duration.ofSeconds(10);
    }

    @Test
    void readPowerReportsWhatThePeerSays() {
        BackendTarget t = newTarget();
        setPeerPower(t, true);
        assertThat(power().readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(true));
        setPeerPower(t, false);
        assertThat(power().readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
    }

    @Test
    void powerOnTurnsThePeerOnAndReportsTheObservedState() {
        BackendTarget t = newTarget();
        setPeerPower(t, false);
        Outcome last = untilPower(() -> power().powerOn(new Operation.PowerOn(t)), t, true);
        assertThat(peerPoweredOn(t)).isTrue();
        assertThat(last).isEqualTo(new Outcome.PowerState(true));
    }

    @Test
    void hardPowerOffTurnsThePeerOff() {
        BackendTarget t = newTarget();
        setPeerPower(t, true);
        Outcome last = untilPower(() -> power().powerOff(new Operation.PowerOff(t, PowerOffMode.HARD)), t, false);
        assertThat(peerPoweredOn(t)).isFalse();
        assertThat(last).isEqualTo(new Outcome.PowerState(false));
    }

    @Test
    void softPowerOffEitherWorksOrFailsSoTheLifecycleCanGoHard() {
        BackendTarget t = newTarget();
        setPeerPower(t, true);
        Outcome outcome = power().powerOff(new Operation.PowerOff(t, PowerOffMode.SOFT));
        assertThat(outcome).isNotInstanceOf(Outcome.Unavailable.class);
        if (outcome instanceof Outcome.PowerState ps) {
            assertThat(ps.poweredOn()).isEqualTo(peerPoweredOn(t));
        }
    }

    /**
     * A back-end that power-cycles (for hosts with spec.disablePowerOff) leaves the host on, whether it was on or off.
     * One that keeps the port's default answers a clear failure (PowerControlDefaultRebootTest) and is not exercised
     * here: creating a target costs a real peer seconds.
     */
    @Test
    void aRebootLeavesThePeerOnWhetherItWasOnOrOff() {
        assumeTrue(implementsReboot(), power().getClass().getSimpleName() + " keeps PowerControl's default reboot (a clear failure)");
        BackendTarget t = newTarget();
        setPeerPower(t, false); // out of band, before the back-end has changed anything (see setPeerPower)
        untilPower(() -> power().reboot(new Operation.Reboot(t, PowerOffMode.SOFT)), t, true);
        assertThat(peerPoweredOn(t)).as("a host found off is powered on").isTrue();

        Outcome again = power().reboot(new Operation.Reboot(t, PowerOffMode.HARD));
        assertThat(again).isNotInstanceOf(Outcome.Failed.class).isNotInstanceOf(Outcome.Unavailable.class);
        untilPower(() -> power().readPower(new Operation.ReadPower(t)), t, true);
        assertThat(peerPoweredOn(t)).as("a host found on is power-cycled and left on").isTrue();
    }

    private boolean implementsReboot() {
        try {
            return power().getClass().getMethod("reboot", Operation.Reboot.class).getDeclaringClass() != PowerControl.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageThatDoesNotContainIt() {
        BackendTarget t = withWrongPassword(newTarget());
        Outcome outcome = power().readPower(new Operation.ReadPower(t));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        String message = ((Outcome.Failed) outcome).message();
        assertThat(message).isNotBlank().doesNotContain(t.credentials().password());
        assertThat(message.toLowerCase()).containsAnyOf("credential", "password", "authenticat", "refused");
    }

    /** Repeats a power action until the peer shows {@code on} and the adapter reported it, or the timeout passes. */
    protected Outcome untilPower(Supplier<Outcome> action, BackendTarget t, boolean on) {
        long deadline = System.nanoTime() + settleTimeout().toNanos();
        Outcome last = action.get();
        while (!(last instanceof Outcome.PowerState ps && ps.poweredOn() == on && peerPoweredOn(t) == on)) {
            assertThat(last).as("power outcome").isNotInstanceOf(Outcome.Failed.class).isNotInstanceOf(Outcome.Unavailable.class);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("power did not become " + (on ? "on" : "off") + " within " + settleTimeout() + "; last outcome " + last);
            }
            sleep(last instanceof Outcome.InProgress p ? Math.min(p.retryAfter().toMillis(), 200) : 100);
            last = last instanceof Outcome.PowerState || last instanceof Outcome.Done
                    ? power().readPower(new Operation.ReadPower(t)) : action.get();
        }
        return last;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
