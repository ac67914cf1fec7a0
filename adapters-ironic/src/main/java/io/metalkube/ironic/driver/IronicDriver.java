package io.metalkube.ironic.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Ironic needs to manage one BMC: the hardware type ("driver"), explicitly chosen interfaces, and driver_info.
 * driver_info carries the BMC password under the keys in {@link #secretKeys()}; {@link #toString()} hides them.
 */
public record IronicDriver(String driver, Map<String, String> interfaces, Map<String, Object> driverInfo, Set<String> secretKeys) {

    public IronicDriver {
        interfaces = Map.copyOf(interfaces);
        driverInfo = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(driverInfo));
        secretKeys = Set.copyOf(secretKeys);
    }

    /** driver_info without the secrets, for comparing with what Ironic reports (it masks passwords). */
    public Map<String, Object> publicDriverInfo() {
        Map<String, Object> m = new LinkedHashMap<>(driverInfo);
        secretKeys.forEach(m::remove);
        return m;
    }

    @Override
    public String toString() {
        return "IronicDriver[driver=" + driver + ", interfaces=" + interfaces + ", driverInfo=" + publicDriverInfo()
                + ", secrets=" + secretKeys + "]";
    }
}
