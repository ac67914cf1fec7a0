package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcAddressException;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.ironic.wire.NodeJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Port implementation (BmcScanner): the nodes Ironic already knows but no MetalKube host owns (their names lack
 * the {@code namespace~name} form), proposed as discovered hosts with their BMC address, no credentials, and the
 * node's UUID, so that the host, once given credentials, takes over this node instead of enrolling a second one.
 * The address scheme follows the node's hardware type and boot interface (redfish-virtual-media →
 * {@code redfish-virtualmedia://}, idrac → {@code idrac-redfish://} ...), so re-registering keeps how it boots.
 */
public final class KnownNodes implements BmcScanner {

    private static final System.Logger LOG = System.getLogger(KnownNodes.class.getName());

    private final NodeAccess access;

    public KnownNodes(NodeAccess access) {
        this.access = access;
    }

    @Override
    public List<DiscoveredBmc> scan() {
        List<DiscoveredBmc> found = new ArrayList<>();
        for (NodeJson n : access.client().listNodes("uuid,name,driver,driver_info,boot_interface")) {
            if (n.name() != null && n.name().contains("~")) {
                continue;
            }
            String address = address(n.driver(), n.bootInterface(), n.driverInfo());
            if (address == null) {
                continue;
            }
            try {
                found.add(new DiscoveredBmc(BmcAddress.parse(address), "ironic",
                        "Ironic node " + (n.name() == null ? n.uuid() : n.name()) + " (driver " + n.driver() + ")", n.uuid()));
            } catch (BmcAddressException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Ironic node " + n.uuid() + " has an unusable BMC address: " + e.getMessage());
            }
        }
        return found;
    }

    static String address(String driver, String bootInterface, Map<String, Object> info) {
        Object ipmi = info.get("ipmi_address");
        if (ipmi != null) {
            Object port = info.get("ipmi_port");
            String host = ipmi.toString().contains(":") ? "[" + ipmi + "]" : ipmi.toString();
            return "ipmi://" + host + (port == null ? "" : ":" + port);
        }
        Object redfish = info.get("redfish_address");
        if (redfish != null) {
            String url = redfish.toString();
            String system = info.get("redfish_system_id") == null ? "" : info.get("redfish_system_id").toString();
            String family = scheme(driver, bootInterface);
            if (url.startsWith("http://")) {
                return family + "+http://" + url.substring(7) + system;
            }
            return family + "://" + url.replaceFirst("^https://", "") + system;
        }
        return null;
    }

    /** metal3's scheme for a Redfish node: the reverse of DriverMapping. */
    private static String scheme(String driver, String bootInterface) {
        String boot = bootInterface == null ? "" : bootInterface;
        if ("idrac".equals(driver)) {
            return boot.equals("idrac-redfish-virtual-media") ? "idrac-virtualmedia" : "idrac-redfish";
        }
        return switch (boot) {
            case "redfish-virtual-media" -> "redfish-virtualmedia";
            case "redfish-https" -> "redfish-uefihttp";
            default -> "redfish";
        };
    }
}
