package io.metalkube.ironic.ops;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.ironic.stub.StubIronic.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The provisioning limit counted from Ironic's busy nodes, plus recent grants. */
class CapacityTest {

    private static final String NODES = """
            {"nodes": [{"uuid": "u1", "name": "ns~a", "provision_state": "cleaning"},
                       {"uuid": "u2", "name": "ns~b", "provision_state": "deploying"},
                       {"uuid": "u3", "name": "ns~c", "provision_state": "inspect wait"},
                       {"uuid": "u4", "name": "ns~d", "provision_state": "available"},
                       {"uuid": "u5", "name": "ns~e", "provision_state": "active"}]}""";

    @Test
    void busyNodesFillTheLimit() {
        try (StubWorld world = new StubWorld(3)) {
            world.stub.route("GET /v1/nodes", 200, NODES);
            assertThat(world.adapter.capacity().check(new HostId("ns", "x"))).isEqualTo(Capacity.EXHAUSTED);
            assertThat(world.adapter.capacity().check(new HostId("ns", "a"))).as("a host's own busy node does not count against it")
                    .isEqualTo(Capacity.AVAILABLE);
        }
    }

    @Test
    void grantsCountUntilIronicShowsTheHostBusy() {
        try (StubWorld world = new StubWorld(4)) {
            world.stub.route("GET /v1/nodes", 200, NODES);
            assertThat(world.adapter.capacity().check(new HostId("ns", "x"))).isEqualTo(Capacity.AVAILABLE);
            assertThat(world.adapter.capacity().check(new HostId("ns", "y"))).as("x holds the fourth slot").isEqualTo(Capacity.EXHAUSTED);
            assertThat(world.adapter.capacity().check(new HostId("ns", "x"))).as("asking again keeps the slot").isEqualTo(Capacity.AVAILABLE);
        }
    }

    @Test
    void anUnreachableIronicGrantsNothing() {
        try (StubWorld world = new StubWorld(4)) {
            world.stub.route("GET /v1/nodes", r -> Reply.error(503, "down"));
            assertThat(world.adapter.capacity().check(new HostId("ns", "x"))).isEqualTo(Capacity.EXHAUSTED);
        }
    }

    @Test
    void knownNodesWithoutAHostAreProposedForDiscovery() {
        try (StubWorld world = new StubWorld()) {
            world.stub.route("GET /v1/nodes", 200, """
                    {"nodes": [{"uuid": "u1", "name": "ns~owned", "driver": "ipmi", "driver_info": {"ipmi_address": "10.0.0.1"}},
                               {"uuid": "u2", "name": "rack3-7", "driver": "ipmi", "driver_info": {"ipmi_address": "10.0.0.2", "ipmi_port": 6230}},
                               {"uuid": "u3", "name": null, "driver": "redfish", "driver_info": {"redfish_address": "https://10.0.0.3", "redfish_system_id": "/redfish/v1/Systems/1"}},
                               {"uuid": "u4", "name": "odd", "driver": "fake-hardware", "driver_info": {}},
                               {"uuid": "u5", "name": "vm", "driver": "redfish", "boot_interface": "redfish-virtual-media", "driver_info": {"redfish_address": "http://10.0.0.5:8000", "redfish_system_id": "/redfish/v1/Systems/5"}},
                               {"uuid": "u6", "name": "dell", "driver": "idrac", "boot_interface": "idrac-redfish-virtual-media", "driver_info": {"redfish_address": "https://10.0.0.6"}}]}""");
            assertThat(world.adapter.knownNodes().scan()).extracting(b -> b.address().toString())
                    .containsExactly("ipmi://10.0.0.2:6230", "redfish://10.0.0.3:443/redfish/v1/Systems/1",
                            "redfish-virtualmedia+http://10.0.0.5:8000/redfish/v1/Systems/5", "idrac-virtualmedia://10.0.0.6:443");
            assertThat(world.adapter.knownNodes().scan()).extracting(b -> b.backendId()).as("each proposal carries its node, to be linked to it")
                    .containsExactly("u2", "u3", "u5", "u6");
        }
    }
}
