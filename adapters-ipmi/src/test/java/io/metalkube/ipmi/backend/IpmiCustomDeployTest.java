package io.metalkube.ipmi.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A custom deploy runs in Ironic's deploy ramdisk: the direct IPMI back-end refuses it with a clear error, touching no BMC. */
class IpmiCustomDeployTest {

    @Test
    void aCustomDeployIsAClearProvisioningErrorThatNamesTheWayOut() {
        BackendTarget t = new BackendTarget(new HostId("dc1", "worker-7"), "", BmcAddress.parse("ipmi://192.0.2.77:6230"),
                BmcCredentials.of("admin", "pw-7"), "", false);
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults())) {
            Outcome outcome = backend.provision(new Operation.Provision(t, null, null, null, null, null, BootMode.UEFI,
                    AutomatedCleaningMode.DISABLED, new CustomDeploy("install_coreos")));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
                    .contains("dc1/worker-7", "custom deploy \"install_coreos\"", "cannot run custom deploy steps", "metalkube.backend: ironic"));
            assertThat(backend.openSessions()).isZero();
        }
    }
}
