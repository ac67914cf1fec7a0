package io.metalkube.redfish.command;

import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.wire.Action;
import io.metalkube.redfish.wire.Bodies;
import io.metalkube.redfish.wire.ComputerSystem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Power of a ComputerSystem (redfish.md §3): {@code PowerState} read with one GET, changed with
 * {@code #ComputerSystem.Reset} — only with a ResetType the BMC lists in {@code ResetType@Redfish.AllowableValues}.
 */
public final class Power {

    /** What MetalKube asks for, and the ResetTypes that do it, in order of preference. */
    public enum Intent {
        ON(List.of("On", "ForceOn")),
        HARD_OFF(List.of("ForceOff")),
        SOFT_OFF(List.of("GracefulShutdown")),
        SOFT_RESTART(List.of("GracefulRestart")),
        HARD_RESTART(List.of("ForceRestart", "PowerCycle"));

        private final List<String> resetTypes;

        Intent(List<String> resetTypes) {
            this.resetTypes = resetTypes;
        }
    }

    private Power() {
    }

    public static ComputerSystem read(RedfishSession session, String systemUri) {
        return ComputerSystem.decode(session.get(systemUri).body());
    }

    /** The ResetType this system offers for {@code intent}, or empty when it offers none. */
    public static Optional<String> resetTypeFor(ComputerSystem system, Intent intent) {
        Action reset = system.reset();
        if (reset == null) {
            return Optional.empty();
        }
        return intent.resetTypes.stream().filter(reset::allows).findFirst();
    }

    /** POSTs the reset; a system without the action or the type is a protocol error naming what it offers. */
    public static String reset(RedfishSession session, ComputerSystem system, Intent intent) {
        String type = resetTypeFor(system, intent).orElseThrow(() -> new RedfishProtocolException(session.bmc(),
                "system " + system.odataId() + " offers no ResetType for " + intent + " (it lists "
                        + (system.reset() == null ? "no Reset action" : system.reset().allowableValues()) + ")"));
        session.action(system.reset().target(), Bodies.of(Map.of("ResetType", type)), null);
        return type;
    }
}
