package io.metalkube.ironic.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Ironic needs to manage one BMC: the hardware type ("driver"), explicitly chosen interfaces, and driver_info.
 * driver_info carries the BMC password under the keys in {@link #secretKeys()}; {@link #toString()} hides them.
 *
 * @param interfaces         interface kind ("boot", "power", ...) → implementation, as metal3 chooses them
 * @param optionalInterfaces the kinds among {@code interfaces} that may be left to Ironic's default when this Ironic
 *                           does not enable the chosen implementation (inspect, raid, firmware, ...); the others
 *                           (boot, power, management) define what the BMC address means, so their absence is an error
 */
public record IronicDriver(String driver, Map<String, String> interfaces, Set<String> optionalInterfaces,
                           Map<String, Object> driverInfo, Set<String> secretKeys) {

    public IronicDriver {
        interfaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        optionalInterfaces = Set.copyOf(optionalInterfaces);
        driverInfo = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(driverInfo));
        secretKeys = Set.copyOf(secretKeys);
    }

    /** A driver whose interfaces are all required (or none chosen). */
    public IronicDriver(String driver, Map<String, String> interfaces, Map<String, Object> driverInfo, Set<String> secretKeys) {
        this(driver, interfaces, Set.of(), driverInfo, secretKeys);
    }

    /** The same driver without the optional interfaces Ironic does not offer (they fall back to Ironic's defaults). */
    public IronicDriver withInterfaces(Map<String, String> kept) {
        return new IronicDriver(driver, kept, optionalInterfaces, driverInfo, secretKeys);
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
