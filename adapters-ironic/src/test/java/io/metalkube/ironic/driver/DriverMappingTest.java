package io.metalkube.ironic.driver;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** BMC address → Ironic driver and driver_info, per metal3's access details. */
class DriverMappingTest {

    private static final BmcCredentials CREDS = BmcCredentials.of("root", "calvin-123");
    private final DriverMapping real = new DriverMapping(HardwareMode.REAL, 3, "http://images/ipa.kernel", "http://images/ipa.initramfs");

    private IronicDriver map(String address, boolean noVerify) {
        return real.map(BmcAddress.parse(address), CREDS, noVerify);
    }

    @Test
    void ipmiCarriesAddressPortUserPasswordPrivilegeAndCipherSuite() {
        IronicDriver d = map("ipmi://10.0.0.7:6230?privilegelevel=OPERATOR", false);
        assertThat(d.driver()).isEqualTo("ipmi");
        assertThat(d.driverInfo()).containsEntry("ipmi_address", "10.0.0.7").containsEntry("ipmi_port", 6230)
                .containsEntry("ipmi_username", "root").containsEntry("ipmi_password", "calvin-123")
                .containsEntry("ipmi_priv_level", "OPERATOR").containsEntry("ipmi_cipher_suite", 3)
                .containsEntry("deploy_kernel", "http://images/ipa.kernel").containsEntry("deploy_ramdisk", "http://images/ipa.initramfs");
        assertThat(d.publicDriverInfo()).doesNotContainKey("ipmi_password");
        assertThat(d.toString()).doesNotContain("calvin-123");
    }

    @Test
    void aBareHostAndLibvirtAreIpmiOnPort623() {
        assertThat(map("10.0.0.7", false).driverInfo()).containsEntry("ipmi_port", 623);
        assertThat(map("libvirt://192.168.122.1:6233", false).driver()).isEqualTo("ipmi");
    }

    @Test
    void ipv6AddressesStayBare() {
        assertThat(map("ipmi://[fd00::7]:623", false).driverInfo()).containsEntry("ipmi_address", "fd00::7");
    }

    @Test
    void redfishCarriesTheUrlTheSystemAndCertificateVerificationAsMetal3() {
        IronicDriver d = new DriverMapping(HardwareMode.REAL, 3, null, null)
                .map(BmcAddress.parse("redfish://bmc.example:8443/redfish/v1/Systems/System.Embedded.1"), CREDS, true);
        assertThat(d.driver()).isEqualTo("redfish");
        assertThat(d.interfaces()).containsExactly(Map.entry("boot", "ipxe"), Map.entry("inspect", "redfish"),
                Map.entry("raid", "redfish"), Map.entry("firmware", "redfish"));
        assertThat(d.optionalInterfaces()).containsExactlyInAnyOrder("inspect", "raid", "firmware");
        assertThat(d.driverInfo()).containsExactly(Map.entry("redfish_address", "https://bmc.example:8443"),
                Map.entry("redfish_system_id", "/redfish/v1/Systems/System.Embedded.1"), Map.entry("redfish_username", "root"),
                Map.entry("redfish_password", "calvin-123"), Map.entry("redfish_verify_ca", false));
        assertThat(d.secretKeys()).containsExactly("redfish_password");
    }

    @Test
    void certificatesAreVerifiedByIronicsDefaultUnlessTheHostSaysOtherwise() {
        assertThat(map("redfish://10.0.0.9/redfish/v1/Systems/1", false).driverInfo()).doesNotContainKey("redfish_verify_ca");
    }

    @Test
    void aDefaultPortIsNotWrittenAndIpv6StaysBracketed() {
        assertThat(map("redfish+http://10.0.0.9/redfish/v1/Systems/1", false).driverInfo()).containsEntry("redfish_address", "http://10.0.0.9");
        assertThat(map("redfish://10.0.0.9:443/redfish/v1/Systems/1", false).driverInfo()).containsEntry("redfish_address", "https://10.0.0.9");
        assertThat(map("redfish+http://10.0.0.9:8000/redfish/v1/Systems/1", false).driverInfo()).containsEntry("redfish_address", "http://10.0.0.9:8000");
        assertThat(map("redfish://[fd00::9]:8443/redfish/v1/Systems/1", false).driverInfo()).containsEntry("redfish_address", "https://[fd00::9]:8443");
    }

    @Test
    void withoutASystemPathIronicFindsTheOnlySystemAsMetal3Leaves() {
        assertThat(map("redfish+http://10.0.0.9", false).driverInfo()).doesNotContainKey("redfish_system_id");
        assertThat(map("redfish+http://10.0.0.9/redfish/v1/", false).driverInfo()).doesNotContainKey("redfish_system_id");
        assertThat(map("redfish-virtualmedia://10.0.0.9/redfish/v1", false).driverInfo()).doesNotContainKey("redfish_system_id");
    }

    @Test
    void uefiHttpBootsByRedfishHttpsAndAlwaysSendsTheSystemId() {
        IronicDriver d = map("redfish-uefihttp://10.0.0.9", false);
        assertThat(d.driver()).isEqualTo("redfish");
        assertThat(d.interfaces()).containsEntry("boot", "redfish-https");
        assertThat(d.optionalInterfaces()).doesNotContain("boot");
        assertThat(d.driverInfo()).containsEntry("redfish_system_id", "");
        assertThat(map("redfish-uefihttp+http://10.0.0.9:8000/redfish/v1/Systems/7", false).driverInfo())
                .containsEntry("redfish_system_id", "/redfish/v1/Systems/7").containsEntry("redfish_address", "http://10.0.0.9:8000");
    }

    @Test
    void virtualMediaVariantsChooseTheirBootInterface() {
        assertThat(map("redfish-virtualmedia://10.0.0.9/redfish/v1/Systems/1", false).interfaces()).containsEntry("boot", "redfish-virtual-media");
        assertThat(map("ilo5-virtualmedia://10.0.0.9/redfish/v1/Systems/1", false).interfaces()).containsEntry("boot", "redfish-virtual-media");
        IronicDriver idrac = map("idrac-virtualmedia://10.0.0.9/redfish/v1/Systems/System.Embedded.1", false);
        assertThat(idrac.driver()).isEqualTo("idrac");
        assertThat(idrac.interfaces()).containsExactly(Map.entry("boot", "idrac-redfish-virtual-media"), Map.entry("bios", "idrac-redfish"),
                Map.entry("management", "idrac-redfish"), Map.entry("power", "idrac-redfish"), Map.entry("raid", "idrac-redfish"),
                Map.entry("vendor", "idrac-redfish"), Map.entry("inspect", "redfish"), Map.entry("firmware", "redfish"));
        assertThat(idrac.optionalInterfaces()).doesNotContain("boot", "power", "management");
    }

    @Test
    void idracAndIloRedfishAliases() {
        IronicDriver idrac = map("idrac-redfish://10.0.0.9/redfish/v1/Systems/System.Embedded.1", false);
        assertThat(idrac.driver()).isEqualTo("idrac");
        assertThat(idrac.interfaces()).containsEntry("boot", "ipxe").containsEntry("power", "idrac-redfish");
        IronicDriver ilo = map("ilo5-redfish://10.0.0.9/redfish/v1/Systems/1", false);
        assertThat(ilo.driver()).isEqualTo("redfish");
        assertThat(ilo.interfaces()).containsEntry("boot", "ipxe");
    }

    @Test
    void fakeModesUseFakeHardwareWithOptionalIpmitoolPower() {
        IronicDriver fake = new DriverMapping(HardwareMode.FAKE, 3, null, null).map(BmcAddress.parse("ipmi://127.0.0.1:9001"), CREDS, false);
        assertThat(fake.driver()).isEqualTo("fake-hardware");
        assertThat(fake.interfaces()).containsEntry("power", "fake").containsEntry("deploy", "fake").containsEntry("inspect", "fake");
        IronicDriver withPower = new DriverMapping(HardwareMode.FAKE_WITH_IPMITOOL_POWER, 3, "k", "r").map(BmcAddress.parse("ipmi://127.0.0.1:9001"), CREDS, false);
        assertThat(withPower.interfaces()).containsEntry("power", "ipmitool").containsEntry("management", "ipmitool").containsEntry("boot", "fake");
        assertThat(withPower.driverInfo()).containsEntry("ipmi_port", 9001).doesNotContainKey("deploy_kernel");
        IronicDriver redfishFake = new DriverMapping(HardwareMode.FAKE_WITH_IPMITOOL_POWER, 3, null, null).map(BmcAddress.parse("redfish://10.0.0.9"), CREDS, false);
        assertThat(redfishFake.interfaces()).as("ipmitool only for IPMI addresses").containsEntry("power", "fake");
    }

    @Test
    void withoutACipherSuiteIronicChooses() {
        IronicDriver d = new DriverMapping(HardwareMode.REAL, null, null, null).map(BmcAddress.parse("ipmi://10.0.0.7"), CREDS, false);
        assertThat(d.driverInfo()).doesNotContainKey("ipmi_cipher_suite").doesNotContainKey("deploy_kernel");
    }
}
