package io.metalkube.bootstrap.wiring;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.bootstrap.config.BackendKind;
import io.metalkube.bootstrap.config.BackendSelection;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Builds the site's back-end from {@code metalkube.backend}; refuses a missing setting and an unsafe fixture. */
@Factory
public class BackendFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SiteBackend siteBackend(MetalkubeSettings settings, MetalkubeSettings.Fixture fixture, Clock clock) {
        BackendKind kind = BackendSelection.choose(settings.getBackend(), BackendSelection.inCluster(System.getenv()),
                fixture.isAllowInCluster());
        return switch (kind) {
            case FIXTURE -> fixture(fixture, clock);
            case IRONIC, IPMI -> throw new UnsupportedOperationException("wired below once the adapter lands");
        };
    }

    static SiteBackend fixture(MetalkubeSettings.Fixture s, Clock clock) {
        FixtureTimings timings = new FixtureTimings(s.getRegister(), s.getInspect(), s.getProvision(), s.getDeprovision(), s.getPower());
        FixtureBackend backend = new FixtureBackend(clock, timings);
        return new SiteBackend(backend.asBackend(), Optional.empty(), Optional.empty(), () -> { });
    }
}
