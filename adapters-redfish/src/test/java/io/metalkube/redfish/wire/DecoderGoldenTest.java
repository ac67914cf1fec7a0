package io.metalkube.redfish.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden tests of every resource decoder: payloads as sushy-tools, DMTF's mockups and vendors send them (captured on
 * loopback, or trimmed from the DSP0266 / schema examples), the exact records they decode to, and malformed input.
 */
class DecoderGoldenTest {

    static byte[] b(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // ---- service root, collections, sessions -------------------------------------------------------------------

    @Test
    void sushyToolsServiceRootHasNoSessionService() {
        ServiceRoot r = ServiceRoot.decode(b("""
                {"@odata.type": "#ServiceRoot.v1_5_0.ServiceRoot", "Id": "RedvirtService", "RedfishVersion": "1.5.0",
                 "Chassis": {"@odata.id": "/redfish/v1/Chassis"}, "Systems": {"@odata.id": "/redfish/v1/Systems"},
                 "Managers": {"@odata.id": "/redfish/v1/Managers"}, "Registries": {"@odata.id": "/redfish/v1/Registries"},
                 "@odata.id": "/redfish/v1/"}"""));
        assertThat(r).isEqualTo(new ServiceRoot("/redfish/v1/Systems", "/redfish/v1/Managers", "/redfish/v1/Chassis", null, null, null, "1.5.0"));
        assertThat(r.offersSessions()).isFalse();
    }

    @Test
    void mockupServiceRootLinksItsSessions() {
        ServiceRoot r = ServiceRoot.decode(b("""
                {"RedfishVersion": "1.15.0", "Vendor": "Contoso", "Systems": {"@odata.id": "/redfish/v1/Systems"},
                 "SessionService": {"@odata.id": "/redfish/v1/SessionService"},
                 "Links": {"Sessions": {"@odata.id": "/redfish/v1/SessionService/Sessions"}}}"""));
        assertThat(r.sessions()).isEqualTo("/redfish/v1/SessionService/Sessions");
        assertThat(r.sessionService()).isEqualTo("/redfish/v1/SessionService");
        assertThat(r.vendor()).isEqualTo("Contoso");
        assertThat(r.offersSessions()).isTrue();
    }

    @Test
    void aPagedCollectionCarriesItsNextLink() {
        ResourceCollection c = ResourceCollection.decode(b("""
                {"Members@odata.count": 3, "Members": [{"@odata.id": "/redfish/v1/Systems/1"}, {"@odata.id": "/redfish/v1/Systems/2"}],
                 "Members@odata.nextLink": "/redfish/v1/Systems?$skip=2"}"""), "Systems");
        assertThat(c).isEqualTo(new ResourceCollection(List.of("/redfish/v1/Systems/1", "/redfish/v1/Systems/2"), "/redfish/v1/Systems?$skip=2"));
        assertThat(ResourceCollection.decode(b("{\"Members\": []}"), "Systems")).isEqualTo(new ResourceCollection(List.of(), null));
    }

    @Test
    void aCollectionWithoutMembersOrWithABadMemberIsADecodeError() {
        assertThatThrownBy(() -> ResourceCollection.decode(b("{\"Name\": \"x\"}"), "Systems collection"))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("no \"Members\"");
        assertThatThrownBy(() -> ResourceCollection.decode(b("{\"Members\": [{\"href\": \"/x\"}]}"), "Systems collection"))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("Members[0]").hasMessageContaining("@odata.id");
        assertThatThrownBy(() -> ResourceCollection.decode(b("{\"Members\": [\"/redfish/v1/Systems/1\"]}"), "Systems collection"))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("should be an object, found a string");
    }

    @Test
    void sessionService() {
        assertThat(SessionService.decode(b("{\"SessionTimeout\": 600, \"Sessions\": {\"@odata.id\": \"/redfish/v1/SessionService/Sessions\"}}")))
                .isEqualTo(new SessionService("/redfish/v1/SessionService/Sessions", 600L));
    }

    // ---- ComputerSystem --------------------------------------------------------------------------------------

    static final String SUSHY_SYSTEM = """
            {"@odata.type": "#ComputerSystem.v1_13_0.ComputerSystem", "Id": "27946b59-9e44-4fa7-8e91-f3527a1ef094", "Name": "fake1",
             "UUID": "27946b59-9e44-4fa7-8e91-f3527a1ef094", "Manufacturer": "Sushy Emulator",
             "Status": {"State": "Enabled", "Health": "OK", "HealthRollUp": "OK"}, "PowerState": "Off",
             "Boot": {"BootSourceOverrideEnabled": "Continuous", "BootSourceOverrideTarget": "Hdd",
                      "BootSourceOverrideTarget@Redfish.AllowableValues": ["Pxe", "Cd", "Hdd", "UefiHttp"],
                      "BootSourceOverrideMode": "UEFI", "UefiTargetBootSourceOverride": "/0x31/0x33/0x01/0x01", "HttpBootUri": "None"},
             "ProcessorSummary": {"Status": {"State": "Enabled"}}, "MemorySummary": {"Status": {"State": "Enabled"}},
             "Memory": {"@odata.id": "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094/Memory"},
             "EthernetInterfaces": {"@odata.id": "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094/EthernetInterfaces"},
             "VirtualMedia": {"@odata.id": "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094/VirtualMedia"},
             "Links": {"Chassis": [{"@odata.id": "/redfish/v1/Chassis/15693887-7984-9484-3272-842188918912"}],
                       "ManagedBy": [{"@odata.id": "/redfish/v1/Managers/27946b59-9e44-4fa7-8e91-f3527a1ef094"}]},
             "Actions": {"#ComputerSystem.Reset": {"target": "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094/Actions/ComputerSystem.Reset",
                          "ResetType@Redfish.AllowableValues": ["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "Nmi", "ForceOn"]}},
             "@odata.id": "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094"}""";

    @Test
    void sushyToolsSystemDecodesExactly() {
        String id = "27946b59-9e44-4fa7-8e91-f3527a1ef094";
        ComputerSystem s = ComputerSystem.decode(b(SUSHY_SYSTEM));
        assertThat(s).isEqualTo(new ComputerSystem("/redfish/v1/Systems/" + id, id, "fake1", "Sushy Emulator", null, null, null, null, null,
                PowerState.OFF, new Boot("Hdd", "Continuous", "UEFI", List.of("Pxe", "Cd", "Hdd", "UefiHttp"), null, true), null,
                new ComputerSystem.ProcessorSummary(null, null, null), null, "/redfish/v1/Systems/" + id + "/Memory",
                "/redfish/v1/Systems/" + id + "/EthernetInterfaces", null, null, "/redfish/v1/Systems/" + id + "/VirtualMedia",
                List.of("/redfish/v1/Managers/" + id),
                new Action("/redfish/v1/Systems/" + id + "/Actions/ComputerSystem.Reset",
                        List.of("On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "Nmi", "ForceOn")), null));
        assertThat(s.reset().allows("PushPowerButton")).isFalse();
        assertThat(s.boot().allows("UsbCd")).isFalse();
    }

    @Test
    void bootCarriesTheHttpBootUriAndWhetherTheBmcHasTheProperty() {
        Boot set = ComputerSystem.decode(b("""
                {"Boot": {"BootSourceOverrideTarget": "UefiHttp", "BootSourceOverrideEnabled": "Once", "BootSourceOverrideMode": "UEFI",
                          "HttpBootUri": "https://images.example/live.iso"}}""")).boot();
        assertThat(set).isEqualTo(new Boot("UefiHttp", "Once", "UEFI", List.of(), "https://images.example/live.iso", true));
        assertThat(ComputerSystem.decode(b("{\"Boot\": {\"HttpBootUri\": null}}")).boot().httpBootUri()).as("null: unset").isNull();
        assertThat(ComputerSystem.decode(b("{\"Boot\": {\"HttpBootUri\": null}}")).boot().httpBootUriSupported()).isTrue();
        Boot dell = ComputerSystem.decode(b("{\"Boot\": {\"BootSourceOverrideTarget\": \"None\"}}")).boot();
        assertThat(dell.httpBootUri()).isNull();
        assertThat(dell.httpBootUriSupported()).as("iDRAC has no HttpBootUri property").isFalse();
        assertThatThrownBy(() -> ComputerSystem.decode(b("{\"Boot\": {\"HttpBootUri\": 7}}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("ComputerSystem.Boot").hasMessageContaining("HttpBootUri");
    }

    @Test
    void linksManagersIsTheFallbackForManagedBy() {
        ComputerSystem s = ComputerSystem.decode(b("""
                {"Id": "1", "PowerState": "PoweringOn", "Links": {"Managers": [{"@odata.id": "/redfish/v1/Managers/1"}]},
                 "@odata.etag": "W/\\"abc\\"", "MemorySummary": {"TotalSystemMemoryGiB": 95.5}}"""));
        assertThat(s.managers()).containsExactly("/redfish/v1/Managers/1");
        assertThat(s.powerState()).isEqualTo(PowerState.POWERING_ON);
        assertThat(s.powerState().isOn()).isTrue();
        assertThat(s.powerState().settled()).isFalse();
        assertThat(s.etag()).isEqualTo("W/\"abc\"");
        assertThat(s.memoryGiB()).isEqualTo(95.5);
        assertThat(s.reset()).as("no Reset action").isNull();
    }

    @Test
    void aResetWithoutAllowableValuesAllowsEveryType() {
        ComputerSystem s = ComputerSystem.decode(b("{\"Actions\": {\"#ComputerSystem.Reset\": {\"target\": \"/r\"}}}"));
        assertThat(s.reset().allows("GracefulShutdown")).isTrue();
        assertThatThrownBy(() -> ComputerSystem.decode(b("{\"Actions\": {\"#ComputerSystem.Reset\": {}}}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("no \"target\"");
    }

    @Test
    void aManagerOrAnUnknownPowerStateIsNotASystem() {
        assertThatThrownBy(() -> ComputerSystem.decode(b("{\"@odata.type\": \"#Manager.v1_3_1.Manager\", \"Id\": \"BMC\"}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("#Manager.v1_3_1.Manager");
        assertThatThrownBy(() -> ComputerSystem.decode(b("{\"PowerState\": \"Sleeping\"}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("Sleeping");
        assertThatThrownBy(() -> ComputerSystem.decode(b("{\"PowerState\": 1}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("\"PowerState\" should be a string, found a number");
    }

    // ---- the parts inspection reads --------------------------------------------------------------------------

    @Test
    void processorsOfTheMockup() {
        Processor cpu1 = Processor.decode(b("""
                {"Id": "CPU1", "ProcessorType": "CPU", "ProcessorArchitecture": "x86", "InstructionSet": "x86-64",
                 "Model": "Multi-Core Intel(R) Xeon(R) processor 7xxx Series", "MaxSpeedMHz": 3700, "TotalCores": 8, "TotalThreads": 16,
                 "Status": {"State": "Enabled", "Health": "OK"}}"""));
        assertThat(cpu1).isEqualTo(new Processor("CPU1", "CPU", "x86-64", "x86", "Multi-Core Intel(R) Xeon(R) processor 7xxx Series",
                3700L, 16L, 8L, "Enabled"));
        assertThat(cpu1.isPresentCpu()).isTrue();
        assertThat(Processor.decode(b("{\"Id\": \"CPU2\", \"ProcessorType\": \"CPU\", \"Status\": {\"State\": \"Absent\"}}")).isPresentCpu()).isFalse();
        assertThat(Processor.decode(b("{\"Id\": \"FPGA1\", \"ProcessorType\": \"FPGA\"}")).isPresentCpu()).isFalse();
    }

    @Test
    void ethernetInterfaces() {
        EthernetInterface nic = EthernetInterface.decode(b("""
                {"Id": "12446A3B0411", "Status": {"State": "Enabled"}, "EthernetInterfaceType": "Physical", "MACAddress": "12:44:6A:3B:04:11",
                 "SpeedMbps": 1000, "IPv4Addresses": [{"Address": "192.168.0.10", "SubnetMask": "255.255.252.0"}, {"Address": ""}]}"""));
        assertThat(nic).isEqualTo(new EthernetInterface("12446A3B0411", null, "12:44:6A:3B:04:11", 1000L, List.of("192.168.0.10"), "Enabled", "Physical"));
        assertThat(nic.isReportable()).isTrue();
        assertThat(EthernetInterface.decode(b("{\"MACAddress\": \"12:44:6A:3B:04:11\", \"EthernetInterfaceType\": \"Virtual\"}")).isReportable())
                .as("a VLAN repeats its parent's MAC").isFalse();
        assertThat(EthernetInterface.decode(b("{\"MACAddress\": \"aa:bb:cc:dd:ee:ff\", \"Status\": {\"State\": \"Disabled\"}}")).isReportable()).isFalse();
        assertThatThrownBy(() -> EthernetInterface.decode(b("{\"SpeedMbps\": \"1000\"}"))).isInstanceOf(RedfishDecodeException.class);
    }

    @Test
    void simpleStorageStorageDrivesAndMemory() {
        SimpleStorage ss = SimpleStorage.decode(b("""
                {"Id": "1", "Devices": [{"Name": "SATA Bay 1", "Manufacturer": "Contoso", "Model": "3000GT8", "CapacityBytes": 8000000000000,
                 "Status": {"State": "Enabled"}}, {"Name": "SATA Bay 3", "Status": {"State": "Absent"}}]}"""));
        assertThat(ss.devices()).containsExactly(new SimpleStorage.Device("SATA Bay 1", "Contoso", "3000GT8", 8_000_000_000_000L, "Enabled"),
                new SimpleStorage.Device("SATA Bay 3", null, null, null, "Absent"));
        assertThat(ss.devices().get(1).isPresent()).isFalse();
        assertThat(Storage.decode(b("{\"Id\": \"1\", \"Drives\": [{\"@odata.id\": \"/redfish/v1/Systems/1/Storage/1/Drives/0\"}]}")))
                .isEqualTo(new Storage("1", List.of("/redfish/v1/Systems/1/Storage/1/Drives/0")));
        assertThat(Drive.decode(b("""
                {"Id": "0", "Name": "Drive 0", "CapacityBytes": 960197124096, "MediaType": "SSD", "Protocol": "NVMe",
                 "Manufacturer": "Contoso", "Model": "NV1", "SerialNumber": "S1"}""")))
                .isEqualTo(new Drive("0", "Drive 0", 960_197_124_096L, "SSD", "NVMe", "Contoso", "NV1", "S1", null));
        assertThat(Memory.decode(b("{\"Id\": \"DIMM1\", \"CapacityMiB\": 32768, \"Status\": {\"State\": \"Enabled\"}}")))
                .isEqualTo(new Memory("DIMM1", 32768L, "Enabled"));
        assertThat(Manager.decode(b("{\"@odata.id\": \"/redfish/v1/Managers/BMC\", \"Id\": \"BMC\", \"Model\": \"Joo Janta 200\","
                + " \"FirmwareVersion\": \"1.45.455b66-rev4\"}")))
                .isEqualTo(new Manager("/redfish/v1/Managers/BMC", "BMC", "Joo Janta 200", "1.45.455b66-rev4", null));
    }

    // ---- virtual media, errors, tasks ------------------------------------------------------------------------

    @Test
    void sushyToolsVirtualCdHasActions() {
        VirtualMedia cd = VirtualMedia.decode(b("""
                {"Id": "Cd", "MediaTypes": ["CD", "DVD"], "Image": "", "Inserted": false, "WriteProtected": false,
                 "Actions": {"#VirtualMedia.EjectMedia": {"target": "/redfish/v1/Systems/u/VirtualMedia/Cd/Actions/VirtualMedia.EjectMedia"},
                             "#VirtualMedia.InsertMedia": {"target": "/redfish/v1/Systems/u/VirtualMedia/Cd/Actions/VirtualMedia.InsertMedia"}, "Oem": {}},
                 "@odata.id": "/redfish/v1/Systems/u/VirtualMedia/Cd"}"""));
        assertThat(cd.takesCd()).isTrue();
        assertThat(cd.holdsMedia()).isFalse();
        assertThat(cd.insert().target()).endsWith("VirtualMedia.InsertMedia");
        assertThat(cd.eject().target()).endsWith("VirtualMedia.EjectMedia");
    }

    @Test
    void theMockupsCdHasNoActionsAndHoldsAnImage() {
        VirtualMedia cd = VirtualMedia.decode(b("""
                {"Id": "CD1", "MediaTypes": ["CD", "DVD"], "Image": "redfish.dmtf.org/freeImages/freeOS.1.1.iso", "Inserted": true,
                 "ConnectedVia": "Applet", "@odata.id": "/redfish/v1/Systems/437XR1138R2/VirtualMedia/CD1"}"""));
        assertThat(cd.insert()).isNull();
        assertThat(cd.holds("redfish.dmtf.org/freeImages/freeOS.1.1.iso")).isTrue();
        assertThat(VirtualMedia.decode(b("{\"MediaTypes\": [\"Floppy\", \"USBStick\"]}")).takesCd()).isFalse();
        assertThat(VirtualMedia.decode(b("{\"MediaTypes\": [\"DVD\"], \"Image\": \"http://x/a.iso\"}")).holdsMedia())
                .as("an image and no Inserted property counts as inserted").isTrue();
    }

    @Test
    void errorBodiesAreQuotedWithTheirExtendedInfo() {
        RedfishError e = RedfishError.decode(b("""
                {"error": {"code": "Base.1.8.GeneralError", "message": "A general error has occurred. See ExtendedInfo for more information.",
                 "@Message.ExtendedInfo": [{"MessageId": "Base.1.8.PropertyValueNotInList",
                   "Message": "The value Floppy for the property BootSourceOverrideTarget is not in the list of acceptable values.",
                   "Severity": "Warning", "Resolution": "Choose a value from the enumeration list."}]}}"""));
        assertThat(e.summary(300)).isEqualTo("Base.1.8.PropertyValueNotInList: The value Floppy for the property BootSourceOverrideTarget is not"
                + " in the list of acceptable values. (Choose a value from the enumeration list.)");
        RedfishError sushy = RedfishError.decode(b("""
                {"error":{"code":"Base.1.0.GeneralError","message":"Incorrect username or password",
                 "@Message.ExtendedInfo":[{"@odata.type":"/redfish/v1/$metadata#Message.1.0.0.Message","MessageId":"Base.1.0.GeneralError"}]}}"""));
        assertThat(sushy.summary(300)).isEqualTo("Base.1.0.GeneralError: Incorrect username or password");
        assertThat(e.summary(40)).hasSize(40).endsWith("…");
        assertThatThrownBy(() -> RedfishError.decode(b("{\"Message\": \"no error object\"}"))).isInstanceOf(RedfishDecodeException.class);
    }

    @Test
    void tasks() {
        assertThat(Task.decode(b("{\"Id\": \"JID_1\", \"TaskState\": \"Running\", \"TaskStatus\": \"OK\", \"PercentComplete\": 40}")))
                .isEqualTo(new Task("JID_1", "Running", "OK", 40L));
    }

    // ---- malformed JSON --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "[]", "[{\"Id\": \"1\"}]", "\"text\"", "42", "{", "{\"Id\": \"1\"", "{\"Id\": \"1\"} trailing",
            "{\"Id\": 1}", "{\"Boot\": []}", "{\"Links\": {\"ManagedBy\": {\"@odata.id\": \"/m\"}}}", "{\"MemorySummary\": {\"TotalSystemMemoryGiB\": \"96\"}}",
            "<html><body>502 Bad Gateway</body></html>", "{\"Id\": \"\\ud800\"}x", "{'Id': '1'}"})
    void malformedJsonIsADecodeErrorNamingTheResource(String body) {
        assertThatThrownBy(() -> ComputerSystem.decode(b(body))).isInstanceOf(RedfishDecodeException.class).hasMessageContaining("ComputerSystem");
    }

    @Test
    void deepNestingIsADecodeErrorNotAStackOverflow() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThatThrownBy(() -> ComputerSystem.decode(b(deep))).isInstanceOf(RedfishDecodeException.class);
    }

    @Test
    void hugeNumbersAreDecodeErrorsWhereIntegersAreExpected() {
        assertThatThrownBy(() -> Drive.decode(b("{\"CapacityBytes\": 123456789012345678901234567890}")))
                .isInstanceOf(RedfishDecodeException.class).hasMessageContaining("CapacityBytes");
        assertThat(Drive.decode(b("{\"CapacityBytes\": 8.0E12}")).capacityBytes()).isEqualTo(8_000_000_000_000L);
    }
}
