package io.metalkube.redfish.wire;

/**
 * The service root {@code /redfish/v1/} (DSP0266 §9.2, schema ServiceRoot), readable without authentication
 * (§13.3.1). Links are URIs or null when the service lacks them (sushy-tools has no SessionService).
 *
 * @param sessions       root {@code Links.Sessions}, the collection to log in at (§13.3.5)
 * @param sessionService {@code SessionService}, whose {@code Sessions} is the fallback when the root has no link
 * @param vendor         {@code Vendor} (ServiceRoot ≥ v1_5), used before Manufacturer to spot the BMC's maker
 */
public record ServiceRoot(String systems, String managers, String chassis, String sessions, String sessionService,
                          String vendor, String redfishVersion) {

    public static ServiceRoot decode(byte[] body) {
        Fields f = Fields.parse(body, "ServiceRoot");
        Fields links = f.object("Links");
        return new ServiceRoot(f.link("Systems"), f.link("Managers"), f.link("Chassis"),
                links == null ? null : links.link("Sessions"), f.link("SessionService"), f.text("Vendor"), f.text("RedfishVersion"));
    }

    /** True when the service offers sessions at all. */
    public boolean offersSessions() {
        return sessions != null || sessionService != null;
    }
}
