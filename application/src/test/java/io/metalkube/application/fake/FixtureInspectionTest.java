package io.metalkube.application.fake;

import io.metalkube.application.contract.InspectionContract;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;

import java.time.Clock;

/** The registration and inspection contract on the fixture back-end. */
class FixtureInspectionTest extends InspectionContract {

    private final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final FixtureTargets targets = new FixtureTargets(backend);

    @Override
    protected HostRegistration registration() {
        return backend;
    }

    @Override
    protected HostInspection inspection() {
        return backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return targets.next();
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return targets.withWrongPassword(target);
    }
}
