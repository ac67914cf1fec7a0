package io.metalkube.ironic.ops;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.RootDeviceHints;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.stub.StubIronic.Recorded;
import io.metalkube.ironic.wire.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.metalkube.ironic.ops.StubWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Provisioning and deprovisioning against a scripted Ironic. */
class ProvisionerTest {

    private static final Image IMAGE = new Image("http://images/os.qcow2", "deadbeef", ChecksumType.SHA512, DiskFormat.QCOW2);
    private static final String VALID = "{\"boot\": {\"result\": true}, \"deploy\": {\"result\": true}, \"power\": {\"result\": true}}";

    private final StubWorld world = new StubWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private Outcome provision(SecretRef userData, SecretRef networkData) {
        return world.backend().provisioning().provision(new Operation.Provision(target(), IMAGE, userData, networkData, null,
                new RootDeviceHints(null, null, null, null, "SN-1", 100, null, null, null, false), BootMode.UEFI_SECURE_BOOT,
                AutomatedCleaningMode.METADATA));
    }

    @Test
    void anAvailableNodeGetsInstanceInfoIsValidatedAndDeployedWithAConfigDrive() {
        world.secrets.put("ud/userData", "#cloud-config\n");
        world.secrets.put("nd/networkData", "{\"links\": [{\"id\": \"eth0\"}]}");
        world.serve(node("available"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("available")));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200, VALID);
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        assertThat(provision(secret("ud"), secret("nd"))).isInstanceOf(Outcome.InProgress.class);

        List<?> patch = (List<?>) Wire.parseAny(request("PATCH").body());
        Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) patch.getFirst()).get("value");
        assertThat(IronicStrings.of(info)).containsEntry("image_source", "http://images/os.qcow2").containsEntry("image_os_hash_algo", "sha512")
                .containsEntry("image_os_hash_value", "deadbeef").containsEntry("image_disk_format", "qcow2").doesNotContainKey("image_checksum");
        assertThat(IronicStrings.of(info.get("capabilities"))).containsEntry("boot_mode", "uefi").containsEntry("secure_boot", "true");
        assertThat(IronicStrings.of(((Map<?, ?>) patch.get(1)).get("value"))).containsEntry("serial", "SN-1").containsEntry("size", ">= 100")
                .containsEntry("rotational", "false");
        Map<String, Object> active = json(request("PUT").body());
        assertThat(active).containsEntry("target", "active");
        Map<?, ?> drive = (Map<?, ?>) active.get("configdrive");
        assertThat(drive.get("user_data")).isEqualTo("#cloud-config\n");
        assertThat(drive.get("network_data")).isEqualTo(Map.of("links", List.of(Map.of("id", "eth0"))));
        assertThat(IronicStrings.of(drive.get("meta_data"))).containsEntry("uuid", UUID).containsEntry("metal3-name", "host-1")
                .containsEntry("metal3-namespace", "ns").containsEntry("local-hostname", "host-1");
    }

    @Test
    void aCustomDeployGoesToIronicAsMetal3SendsIt() {
        world.secrets.put("ud/userData", "#ignition\n");
        world.serve(with(node("available"), "deploy_interface", "direct"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("available")));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200, VALID);
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome outcome = world.backend().provisioning().provision(new Operation.Provision(target(), null, secret("ud"), null, null,
                null, BootMode.UEFI, AutomatedCleaningMode.DISABLED, new CustomDeploy("install_coreos")));

        assertThat(outcome).isInstanceOf(Outcome.InProgress.class);
        assertThat(((Outcome.InProgress) outcome).detail()).contains("custom deploy \"install_coreos\"");
        List<?> patch = (List<?>) Wire.parseAny(request("PATCH").body());
        Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) patch.getFirst()).get("value");
        assertThat(IronicStrings.of(info)).containsEntry("metalkube_custom_deploy", "install_coreos").doesNotContainKey("image_source");
        assertThat(patch).anySatisfy(op -> assertThat(IronicStrings.of(op))
                .containsEntry("op", "replace").containsEntry("path", "/deploy_interface").containsEntry("value", "custom-agent"));
        Map<String, Object> active = json(request("PUT").body());
        assertThat(active.get("deploy_steps")).isEqualTo(List.of(Map.of("interface", "deploy", "step", "install_coreos", "args", Map.of(), "priority", 80)));
        assertThat(((Map<?, ?>) active.get("configdrive")).get("user_data")).isEqualTo("#ignition\n");
    }

    @Test
    void anActiveNodeIsDoneOnlyWhenItRunsTheSameCustomDeploy() {
        world.serve(with(node("active"), "instance_info", Map.of("metalkube_custom_deploy", "install_coreos")));
        Operation.Provision same = new Operation.Provision(target(), null, null, null, null, null, BootMode.UEFI, null, new CustomDeploy("install_coreos"));
        Operation.Provision other = new Operation.Provision(target(), null, null, null, null, null, BootMode.UEFI, null, new CustomDeploy("install_other"));

        assertThat(world.backend().provisioning().provision(same)).isEqualTo(new Outcome.Done());
        assertThat(world.backend().provisioning().provision(other)).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.message()).contains("install_coreos").contains("install_other"));
    }

    @Test
    void aLiveIsoBootsByTheRamdiskDeployWithoutConfigDriveAsMetal3() {
        Image iso = new Image("http://images/live.iso", "", null, DiskFormat.LIVE_ISO);
        world.secrets.put("ud/userData", "#cloud-config\n");
        world.serve(node("available"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("available")));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200, VALID);
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        world.backend().provisioning().provision(new Operation.Provision(target(), iso, secret("ud"), null, null, null, BootMode.UEFI, null));

        List<?> patch = (List<?>) Wire.parseAny(request("PATCH").body());
        assertThat(IronicStrings.of(((Map<?, ?>) patch.getFirst()).get("value"))).containsEntry("boot_iso", "http://images/live.iso")
                .doesNotContainKey("image_source").doesNotContainKey("image_checksum");
        assertThat(patch).anySatisfy(op -> assertThat(IronicStrings.of(op)).containsEntry("path", "/deploy_interface").containsEntry("value", "ramdisk"));
        assertThat(json(request("PUT").body())).containsOnlyKeys("target");
    }

    @Test
    void anImageAfterALiveIsoGoesBackToIronicsDefaultDeployInterface() {
        world.serve(with(with(node("available"), "deploy_interface", "ramdisk"), "instance_info", Map.of("boot_iso", "http://images/live.iso")));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("available")));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200, VALID);
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        provision(null, null);

        List<?> patch = (List<?>) Wire.parseAny(request("PATCH").body());
        assertThat(patch).anySatisfy(op -> assertThat(IronicStrings.of(op)).containsEntry("op", "remove").containsEntry("path", "/deploy_interface"));
        assertThat(IronicStrings.of(((Map<?, ?>) patch.getFirst()).get("value"))).doesNotContainKey("boot_iso");
    }

    @Test
    void aMissingUserDataSecretFailsBeforeAnythingChanges() {
        world.serve(node("available"));
        Outcome outcome = provision(secret("absent"), null);
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("\"absent\"").contains("userData");
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).containsOnly("GET");
    }

    @Test
    void networkDataThatIsNotJsonIsNamed() {
        world.secrets.put("nd/networkData", "links: [");
        world.serve(node("available"));
        Outcome outcome = provision(null, secret("nd"));
        assertThat(((Outcome.Failed) outcome).message()).contains("networkData").contains("not JSON");
    }

    @Test
    void aFailedValidationNamesTheInterfaceAndReason() {
        world.serve(node("available"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("available")));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200,
                "{\"boot\": {\"result\": false, \"reason\": \"Missing are: ['kernel']\"}, \"deploy\": {\"result\": true}}");
        Outcome outcome = provision(null, null);
        assertThat(((Outcome.Failed) outcome).message()).contains("boot: Missing are: ['kernel']").contains("ns/host-1");
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("PUT");
    }

    @Test
    void aManageableNodeIsProvidedWithCleaningAsAsked() {
        world.serve(with(node("manageable"), "automated_clean", false));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("manageable")));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        assertThat(provision(null, null)).isInstanceOf(Outcome.InProgress.class);
        assertThat(request("PATCH").body()).contains("/automated_clean").contains("true");
        assertThat(json(request("PUT").body())).containsEntry("target", "provide");
    }

    @Test
    void anActiveNodeWithTheImageIsDone() {
        world.serve(with(node("active"), "instance_info", Map.of("image_source", IMAGE.url())));
        assertThat(provision(null, null)).isEqualTo(new Outcome.Done());
        assertThat(world.stub.apiRequests()).hasSize(1);
    }

    @Test
    void aFailedDeployIsReportedThenRetried() {
        world.serve(with(node("deploy failed"), "last_error", "Deploy step failed: image checksum mismatch"));
        world.stub.route("GET /v1/nodes/" + UUID + "/validate", 200, VALID);
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("deploy failed")));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome first = provision(null, null);
        assertThat(((Outcome.Failed) first).message()).contains("checksum mismatch").contains("http://images/os.qcow2");
        Outcome second = provision(null, null);
        assertThat(second).isInstanceOf(Outcome.InProgress.class);
        assertThat(json(request("PUT").body())).containsEntry("target", "active");
    }

    @Test
    void deprovisioningAnActiveNodeUndeploysIt() {
        world.serve(node("active"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        assertThat(world.backend().provisioning().deprovision(new Operation.Deprovision(target(), AutomatedCleaningMode.METADATA)))
                .isInstanceOf(Outcome.InProgress.class);
        assertThat(json(request("PUT").body())).containsEntry("target", "deleted");
    }

    @Test
    void aFailedCleanIsReportedAndRecovered() {
        world.serve(with(with(node("clean failed"), "maintenance", true), "last_error", "Clean step erase_devices failed"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("clean failed")));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        Outcome outcome = world.backend().provisioning().deprovision(new Operation.Deprovision(target(), AutomatedCleaningMode.METADATA));
        assertThat(((Outcome.Failed) outcome).message()).contains("erase_devices").contains("retries");
        assertThat(request("PATCH").body()).contains("/maintenance").contains("false");
        assertThat(json(request("PUT").body())).containsEntry("target", "manage");
    }

    @Test
    void deprovisioningEndsWhenTheNodeIsAvailableOrGone() {
        world.serve(node("available"));
        assertThat(world.backend().provisioning().deprovision(new Operation.Deprovision(target(), null))).isEqualTo(new Outcome.Done());
        world.stub.route("GET /v1/nodes/" + UUID, 404, "{}");
        world.stub.route("GET /v1/nodes/ns~host-1", 404, "{}");
        assertThat(world.backend().provisioning().deprovision(new Operation.Deprovision(target(), null))).isEqualTo(new Outcome.Done());
    }

    private Recorded request(String method) {
        return world.stub.apiRequests().stream().filter(r -> r.method().equals(method)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " request"));
    }
}
