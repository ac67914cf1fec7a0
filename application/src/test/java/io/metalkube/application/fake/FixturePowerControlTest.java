package io.metalkube.application.fake;

import io.metalkube.application.contract.PowerControlContract;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;

import java.time.Clock;

/** The power contract on the fixture back-end. */
class FixturePowerControlTest extends PowerControlContract {

    private final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final FixtureTargets targets = new FixtureTargets(backend);

    @Override
    protected PowerControl power() {
        return backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return targets.next();
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return backend.poweredOn(target.host());
    }

    @Override
    protected void setPeerPower(BackendTarget target, boolean on) {
        backend.setPower(target.host(), on);
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return targets.withWrongPassword(target);
    }
}
