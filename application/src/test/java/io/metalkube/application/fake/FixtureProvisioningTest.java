package io.metalkube.application.fake;

import io.metalkube.application.contract.ProvisioningContract;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;

import java.time.Clock;
import java.util.Optional;

/** The provisioning contract on the fixture back-end (it serves every image format). */
class FixtureProvisioningTest extends ProvisioningContract {

    private final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final FixtureTargets targets = new FixtureTargets(backend);

    @Override
    protected HostRegistration registration() {
        return backend;
    }

    @Override
    protected HostProvisioning provisioning() {
        return backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return targets.next();
    }

    @Override
    protected Image servableImage() {
        return Image.of("http://images.example/os.qcow2", "0123456789abcdef0123456789abcdef");
    }

    @Override
    protected Optional<Image> unservableImage() {
        return Optional.empty();
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return backend.poweredOn(target.host());
    }

    @Override
    protected boolean peerHasImage(BackendTarget target, Image image) {
        return image.url().equals(backend.image(target.host()));
    }
}
