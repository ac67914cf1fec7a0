package io.metalkube.ironic.ops;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which BMC a node's driver_info points at, as a comparable key: {@code ipmi|host|port} or
 * {@code redfish|host|port|system}. Two driver_infos with the same key reach the same BMC (and, for Redfish, the same
 * system), however they were written: default ports, a missing scheme (Ironic assumes https), a trailing slash or a
 * system id left out because the BMC has only one (metal3 leaves out {@code /redfish/v1}).
 */
final class BmcEndpoints {

    private BmcEndpoints() {
    }

    static Optional<String> key(Map<String, Object> driverInfo) {
        Object ipmi = driverInfo.get("ipmi_address");
        if (ipmi != null && !ipmi.toString().isBlank()) {
            Object port = driverInfo.get("ipmi_port");
            return Optional.of("ipmi|" + host(ipmi.toString()) + "|" + (port == null || port.toString().isBlank() ? "623" : port.toString().trim()));
        }
        Object redfish = driverInfo.get("redfish_address");
        if (redfish == null || redfish.toString().isBlank()) {
            return Optional.empty();
        }
        String url = redfish.toString().trim();
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            return Optional.of("redfish|" + host(uri.getHost()) + "|" + port + "|" + system(driverInfo.get("redfish_system_id")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String host(String h) {
        String bare = h.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private static String system(Object id) {
        String s = id == null ? "" : id.toString().trim().replaceAll("^/+|/+$", "");
        return s.equals("redfish/v1") ? "" : s;
    }
}
