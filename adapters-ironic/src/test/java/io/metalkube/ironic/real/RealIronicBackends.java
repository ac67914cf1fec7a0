package io.metalkube.ironic.real;

import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.driver.HardwareMode;
import io.metalkube.ironic.peers.RealIronic;

import java.time.Duration;
import java.util.Optional;

/** The adapter as the real-Ironic tests use it: fake-hardware nodes, all fake or with power and management on ipmi_sim over ipmitool. */
final class RealIronicBackends {

    private RealIronicBackends() {
    }

    static IronicBackend withSimulatedBmcs(RealIronic ironic) {
        return new IronicBackend(IronicSettings.defaults(ironic.endpoint())
                .withHardwareMode(HardwareMode.FAKE_WITH_IPMITOOL_POWER)
                .withIpmiCipherSuite(3)
                .withPollInterval(Duration.ofMillis(250))
                .withSoftPowerOffTimeout(Duration.ofSeconds(10)),
                (host, ref, key) -> Optional.empty());
    }

    /** fake-hardware nodes with every interface fake (nothing real behind them); user data etc. from {@code secrets}. */
    static IronicBackend allFake(RealIronic ironic, io.metalkube.ironic.SecretReader secrets) {
        return new IronicBackend(IronicSettings.defaults(ironic.endpoint()).withHardwareMode(HardwareMode.FAKE)
                .withPollInterval(Duration.ofMillis(200)), secrets);
    }
}
