package io.metalkube.redfish.command;

import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.wire.Bodies;
import io.metalkube.redfish.wire.Boot;
import io.metalkube.redfish.wire.ComputerSystem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time boot override (redfish.md §4, schema ComputerSystem.Boot): PATCH of the System's {@code Boot} with the
 * full triple — target, {@code Once}, and the mode when the system reports one (AMI/ASRockRack need all three,
 * Supermicro needs Enabled every time, some X10 boards have no mode) — with If-Match when the BMC gives ETags.
 * Supermicro names virtual CD {@code UsbCd}: used when {@code Cd} is not allowed but {@code UsbCd} is.
 */
public final class BootOverride {

    /** The override targets MetalKube uses. */
    public enum Target {
        PXE("Pxe"), CD("Cd"), UEFI_HTTP("UefiHttp");

        private final String wire;

        Target(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private BootOverride() {
    }

    /** @param uefi UEFI mode (else Legacy), sent only when the system reports a mode */
    public static void once(RedfishSession session, ComputerSystem system, Target target, boolean uefi) {
        Boot boot = system.boot();
        if (boot == null) {
            throw new RedfishProtocolException(session.bmc(), "system " + system.odataId() + " has no Boot property; it cannot boot from " + target.wire());
        }
        String wire = target.wire();
        if (!boot.allows(wire)) {
            if (target == Target.CD && boot.allows("UsbCd")) {
                wire = "UsbCd";
            } else {
                throw new RedfishProtocolException(session.bmc(), "system " + system.odataId() + " cannot boot from " + wire
                        + " (BootSourceOverrideTarget allows " + boot.allowableTargets() + ")");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("BootSourceOverrideTarget", wire);
        fields.put("BootSourceOverrideEnabled", "Once");
        if (boot.mode() != null) {
            fields.put("BootSourceOverrideMode", uefi ? "UEFI" : "Legacy");
        }
        session.patch(system.odataId(), Bodies.of(Map.of("Boot", fields)));
    }
}
