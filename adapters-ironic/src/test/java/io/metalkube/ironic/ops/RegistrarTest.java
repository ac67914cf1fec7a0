package io.metalkube.ironic.ops;

import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
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

/** Registration against a scripted Ironic: create, verify, update credentials only on change, adopt, delete. */
class RegistrarTest {

    private final StubWorld world = new StubWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private Outcome register(BackendTarget t, ProvisioningState state, Image image) {
        return world.backend().registration().register(new Operation.Register(t, new CredentialsVersion("bmc", "7"), state, image, null));
    }

    @Test
    void aNewHostBecomesANodeWithAPortAndIsVerified() {
        world.stub.route("GET /v1/ports", 200, "{\"ports\": []}");
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": []}");
        world.stub.route("POST /v1/nodes", 201, Wire.write(with(node("enroll"), "extra", Map.of())));
        world.accept("POST /v1/ports", 201).accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome outcome = register(unregistered("52:54:00:aa:bb:cc"), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOf(Outcome.InProgress.class);
        assertThat(((Outcome.InProgress) outcome).detail()).contains("verifying").doesNotContain(PASSWORD);
        Recorded create = only("POST", "/v1/nodes");
        Map<String, Object> body = json(create.body());
        assertThat(body).containsEntry("name", "ns~host-1").containsEntry("driver", "ipmi");
        assertThat(IronicStrings.of(body.get("driver_info"))).containsEntry("ipmi_address", "10.0.0.7").containsEntry("ipmi_port", "623")
                .containsEntry("ipmi_username", "admin").containsEntry("ipmi_password", PASSWORD)
                .containsEntry("ipmi_priv_level", "ADMINISTRATOR").containsEntry("ipmi_cipher_suite", "3");
        assertThat(IronicStrings.of(body.get("extra")).get("metalkube_credentials_hash")).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);
        assertThat(json(only("POST", "/v1/ports").body())).containsEntry("address", "52:54:00:aa:bb:cc").containsEntry("node_uuid", UUID);
        assertThat(json(only("PUT", "/v1/nodes/" + UUID + "/states/provision").body())).containsEntry("target", "manage");
    }

    @Test
    void anUnchangedManageableNodeIsRegisteredWithOneCall() {
        world.serve(node("manageable"));
        Outcome outcome = register(target(), ProvisioningState.REGISTERING, null);
        assertThat(outcome).isEqualTo(new Outcome.Registered(UUID));
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).containsExactly("GET");
    }

    @Test
    void aChangedPasswordUpdatesDriverInfoAndTheHashOnly() {
        Map<String, Object> node = node("manageable");
        node = with(node, "extra", Map.of("metalkube_credentials_hash",
                new io.metalkube.ironic.driver.CredentialsHash().hash(io.metalkube.domain.bmc.BmcCredentials.of("admin", "old-password"))));
        world.serve(node);
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("manageable")));

        Outcome outcome = register(target(), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isEqualTo(new Outcome.Registered(UUID));
        List<?> patch = (List<?>) Wire.parseAny(only("PATCH", "/v1/nodes/" + UUID).body());
        assertThat(patch.stream().map(op -> String.valueOf(((Map<?, ?>) op).get("path"))).toList()).containsExactly("/driver_info", "/extra/metalkube_credentials_hash");
        assertThat(IronicStrings.of(((Map<?, ?>) patch.getFirst()).get("value"))).containsEntry("ipmi_password", PASSWORD);
    }

    @Test
    void aChangedAddressUpdatesDriverInfo() {
        world.serve(node("manageable"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("manageable")));
        BackendTarget moved = new BackendTarget(HOST, UUID, io.metalkube.domain.bmc.BmcAddress.parse("ipmi://10.0.0.8:6230"),
                target().credentials(), "", false);
        register(moved, ProvisioningState.REGISTERING, null);
        assertThat(only("PATCH", "/v1/nodes/" + UUID).body()).contains("\"ipmi_address\":\"10.0.0.8\"").contains("\"ipmi_port\":6230");
    }

    @Test
    void aFailedVerificationIsARegistrationErrorThatNeverShowsThePassword() {
        world.serve(with(node("enroll"), "last_error", "Failed to get power state for node " + UUID + ". Error: IPMI call failed: power status (password " + PASSWORD + ")"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome outcome = register(target(), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("host ns/host-1").contains("IPMI call failed: power status")
                .contains("credentials Secret").doesNotContain(PASSWORD);
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).as("manage is retried for the next attempt").contains("PUT");
    }

    @Test
    void aBootMacOwnedByAnotherHostIsAConflict() {
        world.stub.route("GET /v1/ports", 200, "{\"ports\": [{\"uuid\": \"p1\", \"address\": \"52:54:00:aa:bb:cc\", \"node_uuid\": \"other\"}]}");
        world.stub.route("GET /v1/nodes/other", 200, "{\"uuid\": \"other\", \"name\": \"ns~host-2\", \"provision_state\": \"active\"}");

        Outcome outcome = register(unregistered("52:54:00:aa:bb:cc"), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("52:54:00:aa:bb:cc").contains("ns~host-2");
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("POST");
    }

    @Test
    void aProvisionedHostWhoseNodeIsManageableIsAdopted() {
        world.serve(node("manageable"));
        world.stub.route("PATCH /v1/nodes/" + UUID, 200, Wire.write(node("manageable")));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome outcome = register(target(), ProvisioningState.PROVISIONED, Image.of("http://images/os.qcow2", "abc"));

        assertThat(outcome).isInstanceOf(Outcome.InProgress.class);
        assertThat(only("PATCH", "/v1/nodes/" + UUID).body()).contains("/instance_info/image_source").contains("http://images/os.qcow2");
        assertThat(json(only("PUT", "/v1/nodes/" + UUID + "/states/provision").body())).containsEntry("target", "adopt");
    }

    @Test
    void aHostForABmcIronicAlreadyKnowsTakesOverThatNodeInsteadOfEnrollingASecond() {
        Map<String, Object> known = with(with(with(node("manageable"), "uuid", "u-known"), "name", "rack3-7"), "extra", Map.of());
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": [" + Wire.write(known) + "]}");
        world.stub.route("GET /v1/nodes/u-known", 200, Wire.write(known));
        world.stub.route("PATCH /v1/nodes/u-known", 200, Wire.write(with(known, "name", "ns~host-1")));

        Outcome outcome = register(unregistered(""), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isEqualTo(new Outcome.Registered("u-known"));
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("POST");
        List<?> patch = (List<?>) Wire.parseAny(only("PATCH", "/v1/nodes/u-known").body());
        assertThat(patch.stream().map(op -> String.valueOf(((Map<?, ?>) op).get("path"))).toList())
                .containsExactly("/driver_info", "/extra/metalkube_credentials_hash", "/name");
        assertThat(only("PATCH", "/v1/nodes/u-known").body()).contains("\"ns~host-1\"");
    }

    @Test
    void aRedfishBmcIsRecognisedHoweverItsAddressWasWritten() {
        Map<String, Object> known = new java.util.LinkedHashMap<>(Map.of("uuid", "u-rf", "name", "blade-2", "driver", "redfish",
                "provision_state", "manageable", "driver_info", Map.of("redfish_address", "10.0.0.9:443", "redfish_system_id", "/redfish/v1/Systems/2/")));
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": [" + Wire.write(known) + ", {\"uuid\": \"u-other\", \"driver\": \"redfish\","
                + " \"driver_info\": {\"redfish_address\": \"https://10.0.0.9\", \"redfish_system_id\": \"/redfish/v1/Systems/1\"}}]}");
        world.stub.route("GET /v1/nodes/u-rf", 200, Wire.write(known));
        world.stub.route("PATCH /v1/nodes/u-rf", 200, Wire.write(known));
        world.stub.route("PUT /v1/nodes/u-rf/states/provision", 202, "");
        BackendTarget blade = new BackendTarget(HOST, "", io.metalkube.domain.bmc.BmcAddress.parse("redfish://10.0.0.9/redfish/v1/Systems/2"),
                target().credentials(), "", false);

        assertThat(register(blade, ProvisioningState.REGISTERING, null)).isEqualTo(new Outcome.Registered("u-rf"));
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("POST");
    }

    @Test
    void aBmcAlreadyManagedForAnotherHostIsAConflictNotASecondNode() {
        Map<String, Object> theirs = with(with(node("active"), "uuid", "u-2"), "name", "ns~host-2");
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": [" + Wire.write(theirs) + "]}");
        world.stub.route("GET /v1/nodes/u-2", 200, Wire.write(theirs));

        Outcome outcome = register(unregistered(""), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
                .contains("ns~host-2").contains("ipmi://10.0.0.7:623").contains("two hosts cannot share one BMC"));
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("POST", "PATCH");
    }

    @Test
    void twoUnownedNodesForOneBmcAreNamedInsteadOfGuessed() {
        Map<String, Object> a = with(with(node("manageable"), "uuid", "u-a"), "name", "old-a");
        Map<String, Object> b = with(with(node("manageable"), "uuid", "u-b"), "name", null);
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": [" + Wire.write(a) + ", " + Wire.write(b) + "]}");
        world.stub.route("GET /v1/nodes/u-a", 200, Wire.write(a));
        world.stub.route("GET /v1/nodes/u-b", 200, Wire.write(b));

        Outcome outcome = register(unregistered(""), ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message()).contains("2 nodes", "u-a", "u-b"));
    }

    @Test
    void uefiHttpOnAnIronicWithoutRedfishHttpsIsAClearRegistrationError() throws Exception {
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": []}");
        world.stub.route("GET /v1/drivers/redfish", 200, resource("/wire/driver-redfish.json"));
        BackendTarget uefiHttp = new BackendTarget(HOST, "", io.metalkube.domain.bmc.BmcAddress.parse("redfish-uefihttp://10.0.0.9/redfish/v1/Systems/1"),
                target().credentials(), "", false);

        Outcome outcome = register(uefiHttp, ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
                .contains("redfish-uefihttp://", "ns/host-1", "redfish-https", "Ironic 24.0", "21.4", "[redfish-virtual-media, pxe, ipxe]"));
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).doesNotContain("POST");
    }

    @Test
    void optionalInterfacesIronicDoesNotEnableAreLeftToItsDefault() {
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": []}");
        world.stub.route("GET /v1/drivers/redfish", 200, """
                {"name": "redfish", "enabled_boot_interfaces": ["ipxe", "redfish-virtual-media"], "enabled_inspect_interfaces": ["no-inspect"],
                 "enabled_raid_interfaces": ["no-raid", "redfish"], "enabled_power_interfaces": ["redfish"]}""");
        world.stub.route("POST /v1/nodes", 201, Wire.write(with(with(node("enroll"), "driver", "redfish"), "extra", Map.of())));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        BackendTarget vm = new BackendTarget(HOST, "", io.metalkube.domain.bmc.BmcAddress.parse("redfish-virtualmedia+http://10.0.0.9:8000/redfish/v1/Systems/1"),
                target().credentials(), "", false);

        assertThat(register(vm, ProvisioningState.REGISTERING, null)).isInstanceOf(Outcome.InProgress.class);

        Map<String, Object> body = json(only("POST", "/v1/nodes").body());
        assertThat(body).containsEntry("driver", "redfish").containsEntry("boot_interface", "redfish-virtual-media")
                .containsEntry("raid_interface", "redfish").doesNotContainKeys("inspect_interface", "firmware_interface");
        assertThat(IronicStrings.of(body.get("driver_info"))).containsEntry("redfish_address", "http://10.0.0.9:8000")
                .containsEntry("redfish_system_id", "/redfish/v1/Systems/1").doesNotContainKey("redfish_verify_ca");
    }

    @Test
    void aHardwareTypeIronicDoesNotEnableIsNamedWithTheSetting() {
        world.stub.route("GET /v1/nodes", 200, "{\"nodes\": []}");
        BackendTarget idrac = new BackendTarget(HOST, "", io.metalkube.domain.bmc.BmcAddress.parse("idrac-virtualmedia://10.0.0.9/redfish/v1/Systems/System.Embedded.1"),
                target().credentials(), "", false);

        Outcome outcome = register(idrac, ProvisioningState.REGISTERING, null);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
                .contains("idrac hardware type", "idrac-virtualmedia://", "enabled_hardware_types"));
    }

    private String resource(String path) throws java.io.IOException {
        try (var in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void deletingSetsMaintenanceThenDeletes() {
        world.serve(node("active"));
        world.accept("PUT /v1/nodes/" + UUID + "/maintenance", 202).accept("DELETE /v1/nodes/" + UUID, 204);

        assertThat(world.backend().registration().delete(new Operation.Delete(target()))).isEqualTo(new Outcome.Done());
        assertThat(world.stub.apiRequests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /v1/nodes/" + UUID, "PUT /v1/nodes/" + UUID + "/maintenance", "DELETE /v1/nodes/" + UUID);
    }

    @Test
    void deletingAHostWithoutANodeIsDone() {
        assertThat(world.backend().registration().delete(new Operation.Delete(target()))).isEqualTo(new Outcome.Done());
    }

    @Test
    void deletingWaitsWhileIronicIsCleaning() {
        world.serve(node("cleaning"));
        assertThat(world.backend().registration().detach(new Operation.Detach(target()))).isInstanceOf(Outcome.InProgress.class);
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).containsOnly("GET");
    }

    private Recorded only(String method, String path) {
        List<Recorded> found = world.stub.apiRequests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(found).as(method + " " + path).hasSize(1);
        return found.getFirst();
    }
}
