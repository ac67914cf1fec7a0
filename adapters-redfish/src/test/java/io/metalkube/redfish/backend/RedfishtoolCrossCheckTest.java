package io.metalkube.redfish.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.MockupServer;
import io.metalkube.redfish.peer.Redfishtool;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** DMTF's redfishtool, the reference client, reads the same power state and inventory values as the adapter. */
class RedfishtoolCrossCheckTest {

    @Test
    void powerStateAndNicsAgreeOnTheEmulator() {
        try (SushyEmulator emulator = SushyEmulator.start("redfishtool", 2); RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            for (boolean on : new boolean[] {true, false}) {
                String uuid = emulator.nextSystem();
                emulator.setPower(uuid, on);
                BackendTarget t = emulator.target(uuid);
                JsonNode tool = Redfishtool.json(emulator.port(), SushyEmulator.USER, SushyEmulator.PASSWORD, "-I", uuid, "Systems", "get", "-P", "PowerState");
                assertThat(tool.path("PowerState").asText()).isEqualTo(on ? "On" : "Off");
                assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(tool.path("PowerState").asText().equals("On")));

                HardwareDetails hw = ((Outcome.Inspected) backend.inspect(new Operation.Inspect(t))).hardware();
                JsonNode system = Redfishtool.json(emulator.port(), SushyEmulator.USER, SushyEmulator.PASSWORD, "raw", "GET", "/redfish/v1/Systems/" + uuid);
                assertThat(hw.systemVendor().manufacturer()).isEqualTo(system.path("Manufacturer").asText());
                JsonNode nics = Redfishtool.json(emulator.port(), SushyEmulator.USER, SushyEmulator.PASSWORD, "raw", "GET",
                        "/redfish/v1/Systems/" + uuid + "/EthernetInterfaces");
                JsonNode nic = Redfishtool.json(emulator.port(), SushyEmulator.USER, SushyEmulator.PASSWORD, "raw", "GET",
                        nics.path("Members").get(0).path("@odata.id").asText());
                assertThat(hw.nics()).extracting(HardwareDetails.Nic::mac).containsExactly(nic.path("MACAddress").asText().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void inventoryAgreesOnTheMockup() {
        try (MockupServer mockup = MockupServer.start(); RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = new BackendTarget(new HostId("lab", "x"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + mockup.port()),
                    BmcCredentials.of("Administrator", "Password"), "", false);
            HardwareDetails hw = ((Outcome.Inspected) backend.inspect(new Operation.Inspect(t))).hardware();
            JsonNode s = Redfishtool.json(mockup.port(), "Administrator", "Password", "-1", "Systems", "get");
            assertThat(hw.systemVendor()).isEqualTo(new HardwareDetails.SystemVendor(s.path("Manufacturer").asText(), s.path("Model").asText(),
                    s.path("SerialNumber").asText()));
            assertThat(hw.firmware().bios().version()).isEqualTo(s.path("BiosVersion").asText());
            assertThat(hw.ramMebibytes()).isEqualTo(s.path("MemorySummary").path("TotalSystemMemoryGiB").asInt() * 1024);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(s.path("PowerState").asText().equals("On")));
            JsonNode cpu1 = Redfishtool.json(mockup.port(), "Administrator", "Password", "raw", "GET", "/redfish/v1/Systems/437XR1138R2/Processors/CPU1");
            assertThat(hw.cpu().model()).isEqualTo(cpu1.path("Model").asText());
            assertThat(hw.cpu().count()).isEqualTo(cpu1.path("TotalThreads").asInt());
        }
    }
}
