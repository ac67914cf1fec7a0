package io.metalkube.ironic.driver;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.bmc.BmcDriver;
import io.metalkube.domain.bmc.Transport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * BMC address → Ironic hardware type and driver_info, after metal3's pkg/hardwareutils/bmc access details
 * (metal3-anchors.md §1.3): ipmi and libvirt (virtual BMC) → {@code ipmi}; the redfish family → {@code redfish}
 * with redfish_address/system_id/verify_ca; idrac → {@code idrac} with its redfish interfaces; ilo5 → {@code redfish};
 * the virtual-media variants choose the matching virtual-media boot interface.
 */
public final class DriverMapping {

    private static final Set<String> IPMI_SECRETS = Set.of("ipmi_password");
    private static final Set<String> REDFISH_SECRETS = Set.of("redfish_password");
    private static final String[] FAKE_INTERFACES = {"boot", "deploy", "inspect", "management", "power", "bios", "console", "raid", "rescue", "vendor"};

    private final HardwareMode mode;
    private final Integer ipmiCipherSuite;
    private final String deployKernel;
    private final String deployRamdisk;

    /**
     * @param ipmiCipherSuite null to let Ironic choose (slow against BMCs that do not answer the cipher-suite query)
     * @param deployKernel    deploy ramdisk kernel URL for driver_info, or null
     */
    public DriverMapping(HardwareMode mode, Integer ipmiCipherSuite, String deployKernel, String deployRamdisk) {
        this.mode = mode;
        this.ipmiCipherSuite = ipmiCipherSuite;
        this.deployKernel = deployKernel;
        this.deployRamdisk = deployRamdisk;
    }

    public IronicDriver map(BmcAddress address, BmcCredentials credentials, boolean disableCertificateVerification) {
        BmcDriver family = address.driver();
        boolean ipmiFamily = family == BmcDriver.IPMI || family == BmcDriver.LIBVIRT;
        Map<String, Object> info = new LinkedHashMap<>();
        if (ipmiFamily) {
            info.put("ipmi_address", address.host());
            info.put("ipmi_port", address.port());
            info.put("ipmi_username", credentials.username());
            info.put("ipmi_password", credentials.password());
            info.put("ipmi_priv_level", address.privilegeLevel().name());
            if (ipmiCipherSuite != null) {
                info.put("ipmi_cipher_suite", ipmiCipherSuite);
            }
        } else {
            String scheme = address.scheme().transport() == Transport.HTTP ? "http" : "https";
            info.put("redfish_address", scheme + "://" + address.authority());
            info.put("redfish_system_id", address.path().isEmpty() ? "/redfish/v1/Systems/1" : address.path());
            info.put("redfish_username", credentials.username());
            info.put("redfish_password", credentials.password());
            info.put("redfish_verify_ca", !disableCertificateVerification);
        }
        if (deployKernel != null && deployRamdisk != null && mode == HardwareMode.REAL) {
            info.put("deploy_kernel", deployKernel);
            info.put("deploy_ramdisk", deployRamdisk);
        }
        Set<String> secrets = ipmiFamily ? IPMI_SECRETS : REDFISH_SECRETS;
        return switch (mode) {
            case FAKE -> new IronicDriver("fake-hardware", fakeInterfaces(false), info, secrets);
            case FAKE_WITH_IPMITOOL_POWER -> new IronicDriver("fake-hardware", fakeInterfaces(ipmiFamily), info, secrets);
            case REAL -> real(family, info, secrets);
        };
    }

    private static IronicDriver real(BmcDriver family, Map<String, Object> info, Set<String> secrets) {
        return switch (family) {
            case IPMI, LIBVIRT -> new IronicDriver("ipmi", Map.of(), info, secrets);
            case REDFISH, ILO5_REDFISH -> new IronicDriver("redfish", Map.of(), info, secrets);
            case REDFISH_VIRTUALMEDIA, ILO5_VIRTUALMEDIA -> new IronicDriver("redfish", Map.of("boot", "redfish-virtual-media"), info, secrets);
            case REDFISH_UEFIHTTP -> new IronicDriver("redfish", Map.of("boot", "redfish-https"), info, secrets); // BMO redfish_https.go
            case IDRAC_REDFISH -> new IronicDriver("idrac",
                    Map.of("management", "idrac-redfish", "power", "idrac-redfish"), info, secrets);
            case IDRAC_VIRTUALMEDIA -> new IronicDriver("idrac",
                    Map.of("boot", "idrac-redfish-virtual-media", "management", "idrac-redfish", "power", "idrac-redfish"), info, secrets);
        };
    }

    private static Map<String, String> fakeInterfaces(boolean ipmitoolPower) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String i : FAKE_INTERFACES) {
            m.put(i, "fake");
        }
        if (ipmitoolPower) {
            m.put("power", "ipmitool");
            m.put("management", "ipmitool");
        }
        return m;
    }
}
