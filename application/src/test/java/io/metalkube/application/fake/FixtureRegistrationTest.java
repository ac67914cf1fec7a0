package io.metalkube.application.fake;

import io.metalkube.application.contract.RegistrationContract;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;

import java.time.Clock;

/** The registration contract on the fixture back-end. */
class FixtureRegistrationTest extends RegistrationContract {

    private final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final FixtureTargets targets = new FixtureTargets(backend);

    @Override
    protected HostRegistration registration() {
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
