package io.metalkube.ironic.ops;

import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.metalkube.ironic.ops.StubWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Inspection against a scripted Ironic, and the mapping of Ironic's inventory into hardware details. */
class InspectorTest {

    private final StubWorld world = new StubWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private Outcome inspect() {
        return world.backend().inspection().inspect(new Operation.Inspect(target()));
    }

    @Test
    void inspectionStartsThenFinishesWithTheInventory() throws IOException {
        world.serve(node("manageable"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        assertThat(inspect()).isInstanceOf(Outcome.InProgress.class);
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "inspect");

        world.serve(with(node("inspecting"), "target_provision_state", "manageable"));
        assertThat(inspect()).isInstanceOf(Outcome.InProgress.class);

        Map<String, Object> done = with(node("manageable"), "inspection_finished_at", "2026-11-29T01:00:00+00:00");
        done.put("properties", Map.of("cpus", "4", "memory_mb", "8192", "cpu_arch", "x86_64", "local_gb", "99"));
        world.serve(done);
        world.stub.route("GET /v1/nodes/" + UUID + "/inventory", 200, golden("inventory.json"));
        Outcome outcome = inspect();

        assertThat(outcome).isInstanceOf(Outcome.Inspected.class);
        HardwareDetails hw = ((Outcome.Inspected) outcome).hardware();
        assertThat(hw.systemVendor()).isEqualTo(new HardwareDetails.SystemVendor("Dell Inc.", "PowerEdge R640", "ABC1234"));
        assertThat(hw.cpu()).isEqualTo(new HardwareDetails.Cpu("x86_64", "Intel(R) Xeon(R) Gold 6130", 2100.0, 64));
        assertThat(hw.ramMebibytes()).isEqualTo(196608);
        assertThat(hw.nics()).singleElement().isEqualTo(new HardwareDetails.Nic("eno1", "0x1572", "52:54:00:aa:bb:cc", "192.0.2.10", 10, false));
        assertThat(hw.storage()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("/dev/sda");
            assertThat(s.sizeBytes()).isEqualTo(480103981056L);
            assertThat(s.rotational()).isFalse();
        });
        assertThat(hw.firmware().bios()).isEqualTo(new HardwareDetails.Bios("03/11/2021", "Dell Inc.", "2.10.2"));
        assertThat(hw.hostname()).isEqualTo("r640-1");
    }

    @Test
    void withoutAnInventoryThePropertiesAreUsed() {
        Map<String, Object> done = with(node("manageable"), "inspection_finished_at", "2026-11-29T01:00:00+00:00");
        done.put("properties", Map.of("cpus", "4", "memory_mb", "8192", "cpu_arch", "x86_64", "local_gb", "99", "vendor", "montavista software, inc."));
        world.serve(done);
        Outcome outcome = inspect();
        HardwareDetails hw = ((Outcome.Inspected) outcome).hardware();
        assertThat(hw.cpu()).isEqualTo(new HardwareDetails.Cpu("x86_64", null, null, 4));
        assertThat(hw.ramMebibytes()).isEqualTo(8192);
        assertThat(hw.systemVendor().manufacturer()).isEqualTo("montavista software, inc.");
        assertThat(hw.storage()).singleElement().satisfies(s -> assertThat(s.sizeBytes()).isEqualTo(99L * 1024 * 1024 * 1024));
    }

    @Test
    void aFailedInspectionIsReportedAndTheNodeRecovered() {
        world.serve(with(node("inspect failed"), "last_error", "Timeout reached while inspecting the node"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        Outcome outcome = inspect();
        assertThat(((Outcome.Failed) outcome).message()).contains("Timeout reached while inspecting").contains("ns/host-1")
                .doesNotContain("inspect.metal3.io");
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "manage");
    }

    @Test
    void aBmcWhoseRedfishLacksWhatInspectionReadsGetsTheWayOutNamed() {
        world.serve(with(node("inspect failed"), "last_error", "Unexpected exception of type MissingAttributeError: The attribute Processors"
                + " is missing from the resource /redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);

        Outcome outcome = inspect();

        assertThat(((Outcome.Failed) outcome).message()).contains("The attribute Processors is missing")
                .contains("inspect.metal3.io: disabled").contains("spec.inspectionMode: disabled");
    }

    @Test
    void anAvailableNodeIsManagedForReinspection() {
        world.serve(with(node("available"), "inspection_finished_at", "2026-01-01T00:00:00+00:00"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/provision", 202);
        assertThat(inspect()).isInstanceOf(Outcome.InProgress.class);
        world.serve(with(node("manageable"), "inspection_finished_at", "2026-01-01T00:00:00+00:00"));
        assertThat(inspect()).as("old results do not count").isInstanceOf(Outcome.InProgress.class);
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "inspect");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = InspectorTest.class.getResourceAsStream("/wire/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
