package io.metalkube.redfish.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * An EthernetInterface of a system (schema EthernetInterface): MAC, link speed and IPv4 addresses.
 * {@code interfaceType} is "Physical" or "Virtual" (a VLAN repeats its parent's MAC).
 */
public record EthernetInterface(String id, String name, String macAddress, Long speedMbps, List<String> ipv4Addresses,
                                String state, String interfaceType) {

    public EthernetInterface {
        ipv4Addresses = List.copyOf(ipv4Addresses);
    }

    public static EthernetInterface decode(byte[] body) {
        Fields f = Fields.parse(body, "EthernetInterface");
        List<String> ips = new ArrayList<>();
        for (Fields a : f.objects("IPv4Addresses")) {
            String ip = a.text("Address");
            if (ip != null && !ip.isBlank()) {
                ips.add(ip);
            }
        }
        return new EthernetInterface(f.text("Id"), f.text("Name"), f.text("MACAddress"), f.integer("SpeedMbps"), ips,
                Status.state(f), f.text("EthernetInterfaceType"));
    }

    /** A NIC worth reporting: it has a MAC, is not a VLAN on another NIC and is not disabled or absent. */
    public boolean isReportable() {
        return macAddress != null && !macAddress.isBlank() && !"Virtual".equalsIgnoreCase(interfaceType)
                && (state == null || state.equalsIgnoreCase("Enabled") || state.equalsIgnoreCase("StandbyOffline"));
    }
}
