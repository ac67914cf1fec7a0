package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.ironic.client.IronicException;
import io.metalkube.ironic.wire.NodeJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.metalkube.ironic.ops.IronicStates.*;

/**
 * Port implementation (PowerControl): reads the power state Ironic observed (one GET, the steady-state call) and
 * asks for power on, power off, soft power off and (for hosts that may not be powered off) rebooting
 * ({@code PUT /v1/nodes/{id}/states/power}). A node whose recorded credentials differ from the host's is refused
 * until registration updates it.
 */
public final class PowerOps implements PowerControl {

    private record Pending(String target, String errorBefore) {
    }

    private final NodeAccess access;
    private final DriverSync sync;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public PowerOps(NodeAccess access, DriverSync sync) {
        this.access = access;
        this.sync = sync;
    }

    @Override
    public Outcome readPower(Operation.ReadPower r) {
        return access.guard(r, () -> withNode(r.target(), node -> observed(r.target(), node)));
    }

    @Override
    public Outcome powerOn(Operation.PowerOn p) {
        return access.guard(p, () -> withNode(p.target(), node -> change(p.target(), node, true, POWER_ON)));
    }

    @Override
    public Outcome powerOff(Operation.PowerOff p) {
        String target = p.mode() == PowerOffMode.SOFT ? SOFT_POWER_OFF : POWER_OFF;
        return access.guard(p, () -> withNode(p.target(), node -> change(p.target(), node, false, target)));
    }

    /**
     * Power-cycles a host that must never be left off (spec.disablePowerOff), as metal3 asks Ironic to: target
     * {@code rebooting} (hard: Ironic powers off and on again itself) or {@code soft rebooting} (with the soft
     * timeout); a host Ironic sees off is powered on instead. Accepted → Done; the reads that follow see it on.
     * A soft reboot Ironic cannot do is Failed, so the lifecycle asks for a hard one.
     */
    @Override
    public Outcome reboot(Operation.Reboot r) {
        return access.guard(r, () -> withNode(r.target(), node -> {
            BackendTarget t = r.target();
            if (node.targetPowerState() != null) {
                return access.progress("Ironic is changing the power of host " + t.host() + " to " + node.targetPowerState());
            }
            if (POWER_OFF.equals(node.powerState())) {
                return change(t, node, true, POWER_ON);
            }
            boolean soft = r.mode() == PowerOffMode.SOFT;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("target", soft ? SOFT_REBOOTING : REBOOTING);
            if (soft) {
                body.put("timeout", Math.max(1, access.settings().softPowerOffTimeout().toSeconds()));
            }
            try {
                access.client().changePowerState(node.uuid(), body);
            } catch (IronicException.Rejected e) {
                if (soft) {
                    return new Outcome.Failed("soft reboot of host " + t.host() + " is not available: " + e.getMessage());
                }
                throw e;
            }
            pending.put(node.uuid(), new Pending(POWER_ON, node.lastError()));
            return new Outcome.Done();
        }));
    }

    private Outcome withNode(BackendTarget t, java.util.function.Function<NodeJson, Outcome> body) {
        Optional<NodeJson> found = access.find(t);
        if (found.isEmpty()) {
            return new Outcome.Failed("host " + t.host() + " has no Ironic node; it must be registered before its power can be managed");
        }
        NodeJson node = found.get();
        if (t.credentials() != null && DriverSync.hasHash(node) && !sync.credentialsCurrent(node, t.credentials())) {
            return new Outcome.Failed("the BMC credentials of host " + t.host() + " differ from those Ironic holds for "
                    + NodeAccess.describe(node) + "; the host is registered again with the new credentials before power is managed");
        }
        return body.apply(node);
    }

    private Outcome observed(BackendTarget t, NodeJson node) {
        if (POWER_ON.equals(node.powerState())) {
            return new Outcome.PowerState(true);
        }
        if (POWER_OFF.equals(node.powerState())) {
            return new Outcome.PowerState(false);
        }
        return access.progress("Ironic has not observed the power state of host " + t.host() + " yet"
                + (node.hasError() ? " (last error: " + node.lastError() + ")" : ""));
    }

    private Outcome change(BackendTarget t, NodeJson node, boolean on, String target) {
        String wanted = on ? POWER_ON : POWER_OFF;
        if (node.targetPowerState() != null) {
            return access.progress("Ironic is changing the power of host " + t.host() + " to " + node.targetPowerState());
        }
        if (wanted.equals(node.powerState())) {
            pending.remove(node.uuid());
            return new Outcome.PowerState(on);
        }
        Pending before = pending.get(node.uuid());
        if (before != null && before.target().equals(target) && node.hasError() && !Objects.equals(node.lastError(), before.errorBefore())) {
            pending.remove(node.uuid());
            return new Outcome.Failed(target + " of host " + t.host() + " failed in Ironic: " + node.lastError());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        if (SOFT_POWER_OFF.equals(target)) {
            body.put("timeout", Math.max(1, access.settings().softPowerOffTimeout().toSeconds()));
        }
        try {
            access.client().changePowerState(node.uuid(), body);
        } catch (IronicException.Rejected e) {
            if (SOFT_POWER_OFF.equals(target)) {
                return new Outcome.Failed("soft power off of host " + t.host() + " is not available: " + e.getMessage());
            }
            throw e;
        }
        pending.put(node.uuid(), new Pending(target, node.lastError()));
        return new Outcome.Done();
    }
}
