package io.metalkube.ironic.driver;

/**
 * Which Ironic hardware type hosts are enrolled with. REAL follows the BMC address (ipmi, redfish, idrac, ...);
 * the two FAKE modes are for test sites and the contract suites: Ironic's {@code fake-hardware} type, either with
 * every interface fake, or with ipmitool power and management so a real (simulated) BMC follows power requests.
 */
public enum HardwareMode {
    REAL, FAKE, FAKE_WITH_IPMITOOL_POWER
}
