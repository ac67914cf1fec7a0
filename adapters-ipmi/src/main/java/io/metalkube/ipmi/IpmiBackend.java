package io.metalkube.ipmi;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.bmc.BmcDriver;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.ipmi.command.BootDevice;
import io.metalkube.ipmi.command.ChassisControl;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.error.IpmiException;
import io.metalkube.ipmi.session.IpmiSession;

import java.time.Duration;
import java.util.function.Function;

/**
 * The direct IPMI back-end (port implementation of registration, inspection, provisioning and power): talks RMCP+
 * to each host's BMC itself, one persistent session per BMC. Provisioning is a network-boot hand-off only
 * (one-time PXE + power cycle): it writes no image; whatever answers PXE on the site's network does.
 * See docs/ipmi-backend.md.
 */
public final class IpmiBackend implements HostRegistration, HostInspection, HostProvisioning, PowerControl, AutoCloseable {

    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final SessionPool sessions;

    public IpmiBackend(IpmiSettings settings) {
        this.sessions = new SessionPool(settings);
    }

    public Backend asBackend() {
        return new Backend("ipmi", this, this, this, this);
    }

    /** A credential-less scanner for the discovery use case. */
    public BmcScanner scanner(ScanSettings scan) {
        return new IpmiBmcScanner(scan);
    }

    /** How many BMC sessions are open now (for tests and metrics). */
    public int openSessions() {
        return sessions.openSessions();
    }

    /** Closes every BMC session (Close Session is sent) and stops the keepalive. */
    @Override
    public void close() {
        sessions.close();
    }

    // ---- registration ---------------------------------------------------------------------------------------

    /** An authenticated session with these credentials proves them; the session stays open for later work. */
    @Override
    public Outcome register(Operation.Register r) {
        return on(r.target(), "registration", s -> new Outcome.Registered(provisionerId(r.target())));
    }

    @Override
    public Outcome delete(Operation.Delete d) {
        if (d.target().address() != null) {
            sessions.forget(d.target().address());
        }
        return new Outcome.Done();
    }

    @Override
    public Outcome detach(Operation.Detach d) {
        if (d.target().address() != null) {
            sessions.forget(d.target().address());
        }
        return new Outcome.Done();
    }

    // ---- inspection -----------------------------------------------------------------------------------------

    /** Get Device ID + FRU device 0 → vendor, product, serial and BMC firmware; CPU, RAM, NICs, disks stay unknown. */
    @Override
    public Outcome inspect(Operation.Inspect i) {
        return on(i.target(), "inspection", s -> new Outcome.Inspected(Inventory.read(s)));
    }

    // ---- provisioning ---------------------------------------------------------------------------------------

    /**
     * Network-boot hand-off: boot from PXE once (UEFI unless the host says legacy), then power cycle (or on).
     * A custom deploy (a deploy step of Ironic's deploy ramdisk) cannot be run from here: a clear provisioning error.
     */
    @Override
    public Outcome provision(Operation.Provision p) {
        if (p.hasCustomDeploy()) {
            return new Outcome.Failed("host " + p.target().host() + " asks for " + p.deployment() + ", but the direct IPMI back-end"
                    + " cannot run custom deploy steps (they run in Ironic's deploy ramdisk); manage this host through Ironic"
                    + " (metalkube.backend: ironic) or replace spec.customDeploy with spec.image");
        }
        boolean uefi = p.bootMode() != BootMode.LEGACY;
        return on(p.target(), "provisioning (PXE hand-off)", s -> {
            BmcOperations.setBootDevice(s, BootDevice.PXE, false, uefi);
            BmcOperations.control(s, BmcOperations.poweredOn(s) ? ChassisControl.Action.POWER_CYCLE : ChassisControl.Action.POWER_UP);
            return new Outcome.Done();
        });
    }

    /** Power off (hard, unless spec.disablePowerOff forbids it) and clear any boot device override. */
    @Override
    public Outcome deprovision(Operation.Deprovision d) {
        return on(d.target(), "deprovisioning", s -> {
            if (BmcOperations.poweredOn(s) && !d.target().disablePowerOff()) {
                BmcOperations.control(s, ChassisControl.Action.POWER_DOWN);
            }
            BmcOperations.setBootDevice(s, BootDevice.NO_OVERRIDE, false, false);
            return new Outcome.Done();
        });
    }

    // ---- power ----------------------------------------------------------------------------------------------

    @Override
    public Outcome readPower(Operation.ReadPower r) {
        return on(r.target(), "power status", s -> new Outcome.PowerState(BmcOperations.poweredOn(s)));
    }

    @Override
    public Outcome powerOn(Operation.PowerOn p) {
        return on(p.target(), "power on", s -> change(s, true, ChassisControl.Action.POWER_UP));
    }

    /** SOFT = ACPI soft shutdown (a BMC that refuses it gives Failed, so the lifecycle goes HARD); HARD = power down. */
    @Override
    public Outcome powerOff(Operation.PowerOff p) {
        ChassisControl.Action action = p.mode() == PowerOffMode.SOFT ? ChassisControl.Action.SOFT_SHUTDOWN : ChassisControl.Action.POWER_DOWN;
        return on(p.target(), p.mode() == PowerOffMode.SOFT ? "soft power off" : "hard power off", s -> change(s, false, action));
    }

    /**
     * A host that may not be powered off (spec.disablePowerOff): chassis power cycle (IPMI v2.0 §28.3, one command the
     * BMC carries out itself, so it does not matter that the BMC may be unreachable while the host is down); IPMI has
     * no soft reboot, so both modes cycle. A host found off is powered on.
     */
    @Override
    public Outcome reboot(Operation.Reboot r) {
        return on(r.target(), "reboot (power cycle)", s -> {
            if (!BmcOperations.poweredOn(s)) {
                return change(s, true, ChassisControl.Action.POWER_UP);
            }
            BmcOperations.control(s, ChassisControl.Action.POWER_CYCLE);
            return new Outcome.Done();
        });
    }

    /** Already there → the observed state; else send the action and report the state observed afterwards. */
    private static Outcome change(IpmiSession s, boolean on, ChassisControl.Action action) {
        if (BmcOperations.poweredOn(s) == on) {
            return new Outcome.PowerState(on);
        }
        BmcOperations.control(s, action);
        boolean now = BmcOperations.poweredOn(s);
        return now == on ? new Outcome.PowerState(now)
                : new Outcome.InProgress(SETTLE, action.text() + " requested; the BMC still reports power " + (now ? "on" : "off"));
    }

    // ---- mechanics ------------------------------------------------------------------------------------------

    private static String provisionerId(BackendTarget t) {
        return "ipmi-" + SessionPool.key(t.address());
    }

    /** Runs {@code work} on the target's session and turns every failure into an Outcome with a clear message. */
    private Outcome on(BackendTarget t, String what, Function<IpmiSession, Outcome> work) {
        if (t.address() == null || t.credentials() == null) {
            return new Outcome.Failed("no usable BMC address or credentials for host " + t.host() + "; fix spec.bmc");
        }
        if (t.address().driver() != BmcDriver.IPMI) {
            return new Outcome.Failed("host " + t.host() + " has BMC address " + t.address() + ", but the ipmi back-end speaks only"
                    + " ipmi:// addresses; use an ipmi:// address or another back-end");
        }
        try {
            return sessions.withSession(t.address(), t.credentials(), work);
        } catch (CompletionCodeException e) {
            return new Outcome.Failed(what + " of host " + t.host() + " failed: " + e.getMessage());
        } catch (IpmiException e) {
            return new Outcome.Failed(what + " of host " + t.host() + " failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed(what + " of host " + t.host() + " (BMC " + t.address() + ") cannot start: " + e.getMessage());
        } catch (IllegalStateException e) {
            return new Outcome.Unavailable("the IPMI back-end is shutting down: " + e.getMessage());
        }
    }
}
