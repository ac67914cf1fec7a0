package io.metalkube.application.fake;

import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture stands in for a full back-end, so it runs custom deploys (recording the method) as Ironic does. */
class FixtureCustomDeployTest {

    private final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    private final FixtureTargets targets = new FixtureTargets(backend);

    @Test
    void aCustomDeployWithoutAnImageIsProvisionedAndForgottenOnDeprovisioning() {
        BackendTarget t = targets.next();
        assertThat(backend.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
        HostSpec none = HostSpec.empty();

        Outcome provisioned = backend.provision(new Operation.Provision(t, null, null, null, null, null, none.bootMode(),
                none.automatedCleaningMode(), new CustomDeploy("install_coreos")));

        assertThat(provisioned).isInstanceOf(Outcome.Done.class);
        assertThat(backend.customDeploy(t.host())).isEqualTo("install_coreos");
        assertThat(backend.image(t.host())).isNull();
        assertThat(backend.poweredOn(t.host())).isTrue();

        assertThat(backend.deprovision(new Operation.Deprovision(t, none.automatedCleaningMode()))).isInstanceOf(Outcome.Done.class);
        assertThat(backend.customDeploy(t.host())).isNull();
    }
}
