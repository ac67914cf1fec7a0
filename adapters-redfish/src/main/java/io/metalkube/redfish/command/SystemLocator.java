package io.metalkube.redfish.command;

import io.metalkube.redfish.error.RedfishHttpException;
import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.transport.HttpExchange;
import io.metalkube.redfish.wire.ComputerSystem;

import java.util.List;

/**
 * Finds the ComputerSystem a BMC address means (redfish.md §1): the address's path names it (metal3's
 * {@code redfish_system_id}); with no path (or just {@code /redfish/v1}) the service must have exactly one system.
 * IDs are never guessed: the systems come from the service root's {@code Systems} collection. A path that names a
 * Manager is refused (metal3-io/baremetal-operator#896).
 */
public final class SystemLocator {

    private SystemLocator() {
    }

    /** The system and the URI it answers at (a by-name path may redirect to the canonical one). */
    public record Located(String uri, ComputerSystem system) {
    }

    public static Located locate(RedfishSession session, String addressPath) {
        String path = addressPath == null ? "" : addressPath.trim();
        String bare = path.replaceAll("^/+|/+$", "");
        if (bare.isEmpty() || bare.equals("redfish/v1")) {
            return onlySystem(session);
        }
        if (bare.contains("/Managers/") || bare.startsWith("Managers/")) {
            throw new RedfishProtocolException(session.bmc(), "the address path " + path + " names a Manager, not a ComputerSystem;"
                    + " use the system's path, e.g. /redfish/v1/Systems/<id>");
        }
        HttpExchange e;
        try {
            e = session.get(path);
        } catch (RedfishHttpException notThere) {
            if (notThere.status() == 404) {
                throw new RedfishProtocolException(session.bmc(), "has no system at " + path + "; its systems are " + systems(session));
            }
            throw notThere;
        }
        return located(e);
    }

    private static Located onlySystem(RedfishSession session) {
        List<String> members = systems(session);
        if (members.isEmpty()) {
            throw new RedfishProtocolException(session.bmc(), "reports no ComputerSystem");
        }
        if (members.size() > 1) {
            throw new RedfishProtocolException(session.bmc(), "has " + members.size() + " systems " + shown(members)
                    + "; name one in spec.bmc.address, e.g. " + session.bmc().replaceFirst("^https?", "redfish") + members.getFirst());
        }
        return located(session.get(members.getFirst()));
    }

    private static Located located(HttpExchange e) {
        ComputerSystem system = ComputerSystem.decode(e.body());
        String uri = system.odataId() != null ? system.odataId() : e.uri().getRawPath();
        return new Located(uri, system);
    }

    private static List<String> systems(RedfishSession session) {
        String collection = session.root().systems();
        if (collection == null) {
            throw new RedfishProtocolException(session.bmc(), "its service root has no Systems collection");
        }
        return Members.of(session, collection, "Systems collection");
    }

    private static String shown(List<String> members) {
        return members.size() <= 5 ? members.toString() : members.subList(0, 5) + " and " + (members.size() - 5) + " more";
    }
}
