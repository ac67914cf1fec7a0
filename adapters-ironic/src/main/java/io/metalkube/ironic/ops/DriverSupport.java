package io.metalkube.ironic.ops;

import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ironic.client.IronicClient;
import io.metalkube.ironic.driver.IronicDriver;
import io.metalkube.ironic.wire.DriverJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the interfaces metal3 would choose for a BMC against what this Ironic enables ({@code GET /v1/drivers/{name}},
 * once per node creation): an optional one it lacks (inspect, raid, firmware, ...) is left to Ironic's default, a
 * defining one (boot, power, management) is a registration error that names the interface, the Ironic release that
 * has it, and the way out. Example: Debian 12's Ironic 21.4 has no {@code redfish-https} boot interface (Ironic 24.0),
 * so {@code redfish-uefihttp://} hosts cannot be served by it.
 */
final class DriverSupport {

    /** Interfaces newer than the Ironic that Debian 12 ships (21.4), and the release that added them (redfish.md §1). */
    private static final Map<String, String> ADDED_IN = Map.of("redfish-https", "Ironic 24.0", "firmware", "Ironic 23.0");

    sealed interface Result {
    }

    record Supported(IronicDriver driver) implements Result {
    }

    record Unsupported(String message) implements Result {
    }

    private DriverSupport() {
    }

    static Result check(IronicClient client, String endpoint, IronicDriver wanted, BackendTarget t) {
        if (wanted.interfaces().isEmpty() || wanted.driver().equals("fake-hardware")) {
            return new Supported(wanted);
        }
        String scheme = t.address() == null ? "this" : t.address().scheme().name() + "://";
        Optional<DriverJson> found = client.driver(wanted.driver());
        if (found.isEmpty()) {
            return new Unsupported("Ironic at " + endpoint + " does not enable the " + wanted.driver() + " hardware type that "
                    + scheme + " BMCs need (host " + t.host() + "); add it to [DEFAULT] enabled_hardware_types in ironic.conf");
        }
        DriverJson offered = found.get();
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wanted.interfaces().entrySet()) {
            List<String> enabled = offered.enabled(e.getKey());
            boolean optional = wanted.optionalInterfaces().contains(e.getKey());
            if (enabled.contains(e.getValue()) || enabled.isEmpty() && !optional) {
                kept.put(e.getKey(), e.getValue()); // enabled, or a kind Ironic does not list (sent; Ironic decides)
            } else if (!optional) {
                String since = ADDED_IN.get(e.getValue());
                return new Unsupported("Ironic at " + endpoint + " cannot serve " + scheme + " BMCs (host " + t.host() + "): its "
                        + wanted.driver() + " hardware type offers " + e.getKey() + " interfaces " + enabled + ", not " + e.getValue()
                        + (since == null ? "; enable it in ironic.conf (enabled_" + e.getKey() + "_interfaces)"
                                : " (" + since + " or newer; Debian 12 ships Ironic 21.4); upgrade Ironic")
                        + " or use another BMC address scheme for this host");
            }
            // an optional interface this Ironic does not enable (or list, like firmware before API 1.86): Ironic's default
        }
        return new Supported(wanted.withInterfaces(kept));
    }
}
