package io.metalkube.domain.bmc;

/**
 * The management protocol a BMC address selects, and what that protocol can do.
 * Follows metal3's driver families (metal3-anchors.md §1.3); the scheme-to-driver mapping lives in {@link BmcSchemeRegistry}.
 */
public enum BmcDriver {
    IPMI(new BmcCapabilities(false, false, false, false, true)),
    LIBVIRT(new BmcCapabilities(true, false, false, false, true)),
    REDFISH(new BmcCapabilities(false, false, false, true, false)),
    REDFISH_VIRTUALMEDIA(new BmcCapabilities(false, true, false, true, false)),
    IDRAC_REDFISH(new BmcCapabilities(false, false, false, true, false)),
    IDRAC_VIRTUALMEDIA(new BmcCapabilities(false, true, false, true, false)),
    ILO5_REDFISH(new BmcCapabilities(false, false, false, true, false)),
    ILO5_VIRTUALMEDIA(new BmcCapabilities(false, true, false, true, false)),
    /** metal3's redfish-uefihttp (BMO redfish_https.go; Ironic boot interface redfish-https): the ISO by UEFI HTTP boot. */
    REDFISH_UEFIHTTP(new BmcCapabilities(false, false, true, true, false));

    private final BmcCapabilities capabilities;

    BmcDriver(BmcCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    public BmcCapabilities capabilities() {
        return capabilities;
    }

    /** True for the Redfish family, which speaks HTTP(S) and may carry a system path. */
    public boolean isRedfishFamily() {
        return this != IPMI && this != LIBVIRT;
    }
}
