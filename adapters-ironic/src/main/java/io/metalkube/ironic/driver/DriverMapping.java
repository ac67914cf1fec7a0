package io.metalkube.ironic.driver;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.bmc.BmcDriver;
import io.metalkube.domain.bmc.Transport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * BMC address → Ironic hardware type, interfaces and driver_info, exactly as metal3's pkg/hardwareutils/bmc access
 * details send them (redfish.md §1; metal3-anchors.md §1.3): ipmi and libvirt (virtual BMC) → {@code ipmi}; redfish
 * and ilo5-redfish → {@code redfish} booting by {@code ipxe}; the virtual-media variants → {@code redfish-virtual-media};
 * redfish-uefihttp → {@code redfish-https}; idrac → {@code idrac} with its {@code idrac-redfish} interfaces. Redfish
 * driver_info: {@code redfish_address} = transport://host[:port] (path dropped, the transport's default port left out),
 * {@code redfish_system_id} = the path verbatim unless it is empty or {@code /redfish/v1} (always, for uefihttp),
 * {@code redfish_verify_ca: false} only when certificate verification is disabled.
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
            info.put("redfish_address", redfishAddress(address));
            String trimmed = address.path().replaceAll("^/+|/+$", "");
            if (family == BmcDriver.REDFISH_UEFIHTTP || !trimmed.isEmpty() && !trimmed.equals("redfish/v1")) {
                info.put("redfish_system_id", address.path());
            }
            info.put("redfish_username", credentials.username());
            info.put("redfish_password", credentials.password());
            if (disableCertificateVerification) {
                info.put("redfish_verify_ca", false);
            }
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

    /**
     * The deploy interface a provisioning needs, as metal3 sets it (ironic.go deployInterface and the
     * set*UpdateOptsForNode functions): {@code custom-agent} for a custom deploy, {@code ramdisk} for a live ISO, and
     * Ironic's default (an empty string: drop an earlier override) for an image. Empty in the fake modes, whose nodes
     * keep their {@code fake} deploy interface.
     */
    public java.util.Optional<String> deployInterface(boolean customDeploy, boolean liveIso) {
        if (mode != HardwareMode.REAL) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(customDeploy ? "custom-agent" : liveIso ? "ramdisk" : "");
    }

    private static IronicDriver real(BmcDriver family, Map<String, Object> info, Set<String> secrets) {
        return switch (family) {
            case IPMI, LIBVIRT -> new IronicDriver("ipmi", Map.of(), info, secrets);
            case REDFISH, ILO5_REDFISH -> redfish("ipxe", info, secrets);
            case REDFISH_VIRTUALMEDIA, ILO5_VIRTUALMEDIA -> redfish("redfish-virtual-media", info, secrets);
            case REDFISH_UEFIHTTP -> redfish("redfish-https", info, secrets);
            case IDRAC_REDFISH -> idrac("ipxe", info, secrets);
            case IDRAC_VIRTUALMEDIA -> idrac("idrac-redfish-virtual-media", info, secrets);
        };
    }

    /** metal3's redfish.go / redfish_virtualmedia.go / redfish_https.go: inspect, raid and firmware by Redfish. */
    private static IronicDriver redfish(String boot, Map<String, Object> info, Set<String> secrets) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("boot", boot);
        m.put("inspect", "redfish");
        m.put("raid", "redfish");
        m.put("firmware", "redfish");
        return new IronicDriver("redfish", m, Set.of("inspect", "raid", "firmware"), info, secrets);
    }

    /** metal3's redfishiDracAccessDetails / idrac_virtualmedia.go: Dell's Redfish interfaces (the idrac default vendor is WSMAN). */
    private static IronicDriver idrac(String boot, Map<String, Object> info, Set<String> secrets) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("boot", boot);
        m.put("bios", "idrac-redfish");
        m.put("management", "idrac-redfish");
        m.put("power", "idrac-redfish");
        m.put("raid", "idrac-redfish");
        m.put("vendor", "idrac-redfish");
        m.put("inspect", "redfish");
        m.put("firmware", "redfish");
        return new IronicDriver("idrac", m, Set.of("bios", "raid", "vendor", "inspect", "firmware"), info, secrets);
    }

    /** transport://host[:port]: metal3 sends the URL's host as written; a default port is not written here. */
    private static String redfishAddress(BmcAddress address) {
        boolean http = address.scheme().transport() == Transport.HTTP;
        String host = address.isIpv6() ? "[" + address.host() + "]" : address.host();
        boolean defaultPort = address.port() == address.scheme().transport().defaultPort();
        return (http ? "http" : "https") + "://" + host + (defaultPort ? "" : ":" + address.port());
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
