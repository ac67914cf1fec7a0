package io.metalkube.application.contract;

import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link HostProvisioning} adapter passes: provisioning a registered host with an image the
 * back-end serves ends Done with the peer running that image and powered on; asking again is idempotent;
 * deprovisioning takes the image away and powers off; an image the back-end cannot serve is a clear failure that
 * names its format; an unusable target is a failure, never an exception.
 */
public abstract class ProvisioningContract {

    protected abstract HostRegistration registration();

    protected abstract HostProvisioning provisioning();

    /** A host the adapter can reach, with a fresh peer behind it. */
    protected abstract BackendTarget newTarget();

    /** An image this back-end deploys (for a virtual-media back-end: a live ISO the peer can fetch). */
    protected abstract Image servableImage();

    /** An image this back-end refuses, if there is one (the fixture serves every format). */
    protected abstract Optional<Image> unservableImage();

    /** The peer's truth: is the host powered on? */
    protected abstract boolean peerPoweredOn(BackendTarget target);

    /** The peer's truth: is the host running (or set to boot) this image? */
    protected abstract boolean peerHasImage(BackendTarget target, Image image);

    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Test
    void provisioningEndsWithThePeerRunningTheImageAndDeprovisioningTakesItAway() {
        BackendTarget t = registered(newTarget());
        Image image = servableImage();
        assertThat(until(() -> provisioning().provision(provision(t, image)))).isEqualTo(new Outcome.Done());
        assertThat(peerHasImage(t, image)).as("the peer has the image").isTrue();
        assertThat(peerPoweredOn(t)).as("the peer is powered on").isTrue();
        assertThat(until(() -> provisioning().provision(provision(t, image)))).as("asking again").isEqualTo(new Outcome.Done());
        assertThat(until(() -> provisioning().deprovision(new Operation.Deprovision(t, AutomatedCleaningMode.DISABLED))))
                .isEqualTo(new Outcome.Done());
        assertThat(peerHasImage(t, image)).as("the image is gone").isFalse();
        assertThat(peerPoweredOn(t)).as("the peer is powered off").isFalse();
    }

    @Test
    void anImageTheBackEndCannotServeIsAFailureNamingItsFormat() {
        Optional<Image> unservable = unservableImage();
        assumeTrue(unservable.isPresent(), "this back-end serves every image format");
        BackendTarget t = registered(newTarget());
        Outcome outcome = until(() -> provisioning().provision(provision(t, unservable.get())));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        String format = unservable.get().format() == null ? "image.format" : unservable.get().format().wireName();
        assertThat(((Outcome.Failed) outcome).message()).contains(format);
    }

    @Test
    void anUnusableTargetIsAFailureNotAnException() {
        BackendTarget t = newTarget();
        BackendTarget unusable = new BackendTarget(t.host(), "", null, null, "", false);
        assertThat(provisioning().provision(provision(unusable, servableImage()))).isInstanceOf(Outcome.Failed.class);
        assertThat(provisioning().deprovision(new Operation.Deprovision(unusable, AutomatedCleaningMode.DISABLED)))
                .isInstanceOf(Outcome.Failed.class);
    }

    protected BackendTarget registered(BackendTarget t) {
        Outcome outcome = until(() -> registration().register(Progress.register(t)));
        assertThat(outcome).isInstanceOf(Outcome.Registered.class);
        return t.withProvisionerId(((Outcome.Registered) outcome).provisionerId());
    }

    protected static Operation.Provision provision(BackendTarget t, Image image) {
        return new Operation.Provision(t, image, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED);
    }

    /** Repeats an idempotent operation while it reports progress. */
    protected Outcome until(Supplier<Outcome> op) {
        return Progress.until(op, timeout());
    }
}
