package io.metalkube.redfish.command;

import io.metalkube.redfish.BootDevice;
import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.wire.Bodies;
import io.metalkube.redfish.wire.Boot;
import io.metalkube.redfish.wire.ComputerSystem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One-time boot override (redfish.md §4, schema ComputerSystem.Boot): a PATCH of the System's {@code Boot} with the
 * full triple — target, {@code Once}, and the mode when the system reports one (AMI/ASRockRack need all three,
 * Supermicro needs Enabled every time, some X10 boards have no mode) — with If-Match when the BMC gives ETags.
 * <ul>
 *   <li>The target must be one the BMC lists in {@code BootSourceOverrideTarget@Redfish.AllowableValues} (a BMC that
 *       lists none allows every one). A BMC lists the targets of its current mode (sushy-tools drops {@code UefiHttp} in
 *       Legacy), so when the wanted target is missing and the mode is not the wanted one, the mode is switched first in
 *       a PATCH of its own (as Ironic's sync_boot_mode does) and the list read again.</li>
 *   <li>Virtual CD: Supermicro X11/X12 list both {@code Cd} and {@code UsbCd} but boot virtual media only as
 *       {@code UsbCd} (sushy f7c873fe; the ARS-111GL-NHR uses {@code Cd}, 595ffbcf); any BMC that lists {@code UsbCd}
 *       but not {@code Cd} gets {@code UsbCd}.</li>
 *   <li>UEFI HTTP: {@code HttpBootUri} is always sent with it — the image URI, or null so the firmware takes the one
 *       DHCP offers (as sushy does) — and it needs UEFI mode.</li>
 * </ul>
 */
public final class BootOverride {

    /** Supermicro models whose virtual media boots as {@code Cd} although {@code UsbCd} is listed (sushy 595ffbcf). */
    private static final Set<String> SUPERMICRO_CD_MODELS = Set.of("ars-111gl-nhr");

    private BootOverride() {
    }

    /**
     * Boots {@code system} once from {@code target}.
     *
     * @param uefi        UEFI mode (else Legacy), sent only when the system reports a mode
     * @param httpBootUri for {@link BootDevice#UEFI_HTTP}: the URI the firmware fetches, or null for the one DHCP offers;
     *                    must be null for the other targets
     */
    public static void once(RedfishSession session, ComputerSystem system, BootDevice target, boolean uefi, String httpBootUri) {
        if (target != BootDevice.UEFI_HTTP && httpBootUri != null) {
            throw new IllegalArgumentException("an HTTP boot URI goes only with UEFI HTTP boot, not " + target);
        }
        if (target == BootDevice.UEFI_HTTP && !uefi) {
            throw new RedfishProtocolException(session.bmc(), "UEFI HTTP boot needs UEFI boot mode, but legacy (BIOS) mode was asked"
                    + " for system " + system.odataId() + "; set spec.bootMode to UEFI");
        }
        Boot boot = requireBoot(session, system, target);
        String mode = uefi ? "UEFI" : "Legacy";
        String wire = wireTarget(system, boot, target);
        if (wire == null && boot.mode() != null && !boot.mode().equals(mode)) {
            session.patch(system.odataId(), Bodies.of(Map.of("Boot", triple(boot.target(), boot.enabled(), mode))));
            system = Power.read(session, system.odataId());
            boot = requireBoot(session, system, target);
            wire = wireTarget(system, boot, target);
        }
        if (wire == null) {
            throw new RedfishProtocolException(session.bmc(), "system " + system.odataId() + " cannot boot from " + target.wire()
                    + " (BootSourceOverrideTarget allows " + boot.allowableTargets() + (boot.mode() == null ? "" : " in " + boot.mode() + " mode") + ")");
        }
        Map<String, Object> fields = triple(wire, "Once", boot.mode() == null ? null : mode);
        if (target == BootDevice.UEFI_HTTP) {
            fields.put("HttpBootUri", httpBootUri);
        }
        session.patch(system.odataId(), Bodies.of(Map.of("Boot", fields)));
    }

    /**
     * Clears a UEFI HTTP boot URI the system reports (HttpBootUri null, the override disabled; full triple, the target
     * {@code None} where the BMC allows it, else the one it reports). Returns false, sending nothing, when none is set.
     */
    public static boolean clearHttpBoot(RedfishSession session, ComputerSystem system) {
        Boot boot = system.boot();
        if (boot == null || boot.httpBootUri() == null) {
            return false;
        }
        Map<String, Object> fields = triple(boot.allows("None") ? "None" : boot.target(), "Disabled", boot.mode());
        fields.put("HttpBootUri", null);
        session.patch(system.odataId(), Bodies.of(Map.of("Boot", fields)));
        return true;
    }

    /** The target to send, or null when the BMC does not list it. */
    static String wireTarget(ComputerSystem system, Boot boot, BootDevice target) {
        if (target == BootDevice.CD && boot.lists("UsbCd") && (!boot.lists("Cd") || supermicroUsbCd(system))) {
            return "UsbCd";
        }
        return boot.allows(target.wire()) ? target.wire() : null;
    }

    private static boolean supermicroUsbCd(ComputerSystem system) {
        String model = system.model() == null ? "" : system.model().toLowerCase(Locale.ROOT);
        return "supermicro".equalsIgnoreCase(system.manufacturer() == null ? "" : system.manufacturer().trim())
                && !SUPERMICRO_CD_MODELS.contains(model);
    }

    private static Boot requireBoot(RedfishSession session, ComputerSystem system, BootDevice target) {
        if (system.boot() == null) {
            throw new RedfishProtocolException(session.bmc(), "system " + system.odataId() + " has no Boot property; it cannot boot from " + target.wire());
        }
        return system.boot();
    }

    /** Target, enabled and mode in that order, each left out when null. */
    private static Map<String, Object> triple(String target, String enabled, String mode) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (target != null) {
            fields.put("BootSourceOverrideTarget", target);
        }
        if (enabled != null) {
            fields.put("BootSourceOverrideEnabled", enabled);
        }
        if (mode != null) {
            fields.put("BootSourceOverrideMode", mode);
        }
        return fields;
    }
}
