package io.metalkube.redfish;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Redfish back-end refuses before it talks to any BMC, with messages that say what to do instead. */
class RedfishBackendRefusalsTest {

    static final RedfishBackend BACKEND = new RedfishBackend(RedfishSettings.defaults());
    static final BackendTarget HOST = new BackendTarget(new HostId("site", "rack1-h1"), "",
            BmcAddress.parse("redfish-virtualmedia://192.0.2.10/redfish/v1/Systems/1"), BmcCredentials.of("admin", "pw-never-shown"), "", false);

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    static Operation.Provision provision(Image image, CustomDeploy custom) {
        return new Operation.Provision(HOST, image, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED, custom);
    }

    @Test
    void aCustomDeployIsAProvisioningErrorThatSaysIronicIsNeeded() {
        Outcome o = BACKEND.provision(provision(null, new CustomDeploy("install_coreos")));
        assertThat(o).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) o).message()).contains("site/rack1-h1", "install_coreos", "Ironic", "metalkube.backend: ironic");
    }

    @Test
    void diskImagesNeedIronic() {
        for (DiskFormat format : new DiskFormat[] {DiskFormat.QCOW2, DiskFormat.RAW, null}) {
            Outcome o = BACKEND.provision(provision(new Image("http://img/os.qcow2", "abc", null, format), null));
            assertThat(o).as("format %s", format).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) o).message()).contains("needs Ironic", "live-iso", format == null ? "image.format" : format.wireName());
        }
    }

    @Test
    void anIpmiAddressIsNotServedHere() {
        BackendTarget ipmi = new BackendTarget(HOST.host(), "", BmcAddress.parse("ipmi://192.0.2.11"), HOST.credentials(), "", false);
        Outcome o = BACKEND.readPower(new Operation.ReadPower(ipmi));
        assertThat(((Outcome.Failed) o).message()).contains("ipmi://192.0.2.11", "redfish*://");
    }

    @Test
    void noPasswordInAnyRefusal() {
        Outcome o = BACKEND.provision(provision(null, new CustomDeploy("x")));
        assertThat(((Outcome.Failed) o).message()).doesNotContain("pw-never-shown");
    }
}
