package io.metalkube.redfish;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.redfish.command.BootOverride;
import io.metalkube.redfish.command.Power;
import io.metalkube.redfish.command.SystemLocator;
import io.metalkube.redfish.command.VirtualMediaDevices;
import io.metalkube.redfish.error.RedfishException;
import io.metalkube.redfish.error.RedfishHttpException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.transport.HttpTransport;
import io.metalkube.redfish.wire.ComputerSystem;
import io.metalkube.redfish.wire.PowerState;
import io.metalkube.redfish.wire.VirtualMedia;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The direct Redfish back-end (registration, inspection, provisioning and power ports) for {@code redfish*://},
 * {@code idrac-*://} and {@code ilo5-*://} hosts: talks DSP0266 to each BMC itself over a shared session per BMC.
 * Power changes are sent once and then observed (BMCs apply them seconds later); provisioning deploys
 * {@code live-iso} images by virtual media, or by UEFI HTTP boot for {@code redfish-uefihttp://} hosts, and refuses
 * every other format (those need Ironic); {@link #bootOnce} sets a one-time boot override (PXE, CD, UEFI HTTP).
 * See docs/redfish-backend.md.
 */
public final class RedfishBackend implements HostRegistration, HostInspection, HostProvisioning, PowerControl, AutoCloseable {

    /** How soon the lifecycle should look again while a power change or a boot is under way. */
    static final Duration POLL = Duration.ofSeconds(2);

    private record Pending(Power.Intent intent, long sinceNanos) {
    }

    private final RedfishSettings settings;
    private final HttpTransport http;
    private final SessionPool sessions;
    private final Map<String, String> systemUris = new ConcurrentHashMap<>();
    private final Map<HostId, Pending> pending = new ConcurrentHashMap<>();

    public RedfishBackend(RedfishSettings settings) {
        this.settings = settings;
        this.http = new HttpTransport(settings);
        this.sessions = new SessionPool(http, settings);
    }

    public Backend asBackend() {
        return new Backend("redfish", this, this, this, this);
    }

    /** The settings this back-end runs with. */
    public RedfishSettings settings() {
        return settings;
    }

    /** Sessions currently holding a BMC token (for tests and metrics). */
    public int openSessions() {
        return sessions.openSessions();
    }

    /** Logs out of every BMC session and closes the HTTP clients. */
    @Override
    public void close() {
        sessions.close();
        http.close();
    }

    // ---- registration ---------------------------------------------------------------------------------------

    /** Credentials proven by authenticated reads, the system resolved (by the address's path, or the only one). */
    @Override
    public Outcome register(Operation.Register r) {
        return on(r.target(), "registration", c -> new Outcome.Registered("redfish-" + c.target.address().authority() + c.systemUri()));
    }

    @Override
    public Outcome delete(Operation.Delete d) {
        forget(d.target());
        return new Outcome.Done();
    }

    @Override
    public Outcome detach(Operation.Detach d) {
        forget(d.target());
        return new Outcome.Done();
    }

    private void forget(BackendTarget t) {
        sessions.forget(t.host());
        pending.remove(t.host());
        systemUris.keySet().removeIf(k -> k.startsWith(t.host() + "|"));
    }

    // ---- inspection -----------------------------------------------------------------------------------------

    @Override
    public Outcome inspect(Operation.Inspect i) {
        return on(i.target(), "inspection", c -> new Outcome.Inspected(Inventory.read(c.session, c.system())));
    }

    // ---- power ----------------------------------------------------------------------------------------------

    @Override
    public Outcome readPower(Operation.ReadPower r) {
        return on(r.target(), "power status", c -> {
            ComputerSystem sys = c.system();
            if (sys.powerState() == null) {
                return new Outcome.Failed("the BMC of host " + c.target.host() + " reports no PowerState for " + sys.odataId());
            }
            return new Outcome.PowerState(sys.powerState().isOn());
        });
    }

    @Override
    public Outcome powerOn(Operation.PowerOn p) {
        return on(p.target(), "power on", c -> change(c, c.system(), Power.Intent.ON));
    }

    /** SOFT = GracefulShutdown (a BMC that does not offer it gives Failed, so the lifecycle goes HARD); HARD = ForceOff. */
    @Override
    public Outcome powerOff(Operation.PowerOff p) {
        boolean soft = p.mode() == PowerOffMode.SOFT;
        return on(p.target(), soft ? "soft power off" : "hard power off", c -> {
            ComputerSystem sys = c.system();
            if (soft && Power.resetTypeFor(sys, Power.Intent.SOFT_OFF).isEmpty() && sys.powerState() != PowerState.OFF) {
                return new Outcome.Failed("the BMC of host " + c.target.host() + " offers no GracefulShutdown (ResetTypes "
                        + (sys.reset() == null ? "none" : sys.reset().allowableValues()) + "); powering off hard instead");
            }
            return change(c, sys, soft ? Power.Intent.SOFT_OFF : Power.Intent.HARD_OFF);
        });
    }

    /**
     * A host that may not be powered off (spec.disablePowerOff): a restart the BMC carries out itself (redfish.md §3)
     * — SOFT = GracefulRestart where the system offers it, else (and HARD) ForceRestart or PowerCycle; never a
     * ForceOff followed by On. A host found off is powered on; one still changing power is waited for.
     */
    @Override
    public Outcome reboot(Operation.Reboot r) {
        return on(r.target(), "reboot (restart)", c -> {
            ComputerSystem sys = c.system();
            PowerState now = sys.powerState();
            if (now == PowerState.OFF) {
                return change(c, sys, Power.Intent.ON);
            }
            if (now != null && !now.settled()) {
                return new Outcome.InProgress(POLL, "the BMC reports " + shown(now) + "; restarting once it settles");
            }
            boolean soft = r.mode() == PowerOffMode.SOFT && Power.resetTypeFor(sys, Power.Intent.SOFT_RESTART).isPresent();
            Power.reset(c.session, sys, soft ? Power.Intent.SOFT_RESTART : Power.Intent.HARD_RESTART);
            return new Outcome.Done();
        });
    }

    /**
     * Already there → the observed state. Else the reset is sent once and then observed: while it is pending (for
     * {@code powerChangeGrace}) asking again only reads the system, so a BMC that takes seconds is not sent a
     * second reset on every poll (sushy-tools would queue another change, redfish.md §3).
     */
    private Outcome change(Call c, ComputerSystem sys, Power.Intent intent) {
        boolean wantOn = intent == Power.Intent.ON || intent == Power.Intent.HARD_RESTART;
        PowerState now = sys.powerState();
        if (now != null && now.settled() && now.isOn() == wantOn && intent != Power.Intent.HARD_RESTART) {
            pending.remove(c.target.host());
            return new Outcome.PowerState(wantOn);
        }
        Pending p = pending.get(c.target.host());
        if (p != null && p.intent() == intent && System.nanoTime() - p.sinceNanos() < settings.powerChangeGrace().toNanos()) {
            return new Outcome.InProgress(POLL, intent.name().toLowerCase() + " requested " + ago(p) + "; the BMC reports " + shown(now));
        }
        String type = Power.reset(c.session, sys, intent);
        pending.put(c.target.host(), new Pending(intent, System.nanoTime()));
        PowerState after = Power.read(c.session, c.systemUri()).powerState();
        if (intent != Power.Intent.HARD_RESTART && after != null && after.settled() && after.isOn() == wantOn) {
            pending.remove(c.target.host());
            return new Outcome.PowerState(wantOn);
        }
        return new Outcome.InProgress(POLL, type + " accepted; the BMC still reports " + shown(after));
    }

    private static String ago(Pending p) {
        return (System.nanoTime() - p.sinceNanos()) / 1_000_000_000L + " s ago";
    }

    private static String shown(PowerState s) {
        return s == null ? "no power state" : "power " + s.name().toLowerCase().replace('_', ' ');
    }

    // ---- provisioning ---------------------------------------------------------------------------------------

    /**
     * live-iso without Ironic (metal3's live-iso, redfish.md §5): by virtual media — eject whatever is inserted,
     * insert the ISO URL, boot once from CD — or, for {@code redfish-uefihttp://} hosts, by UEFI HTTP boot — the ISO
     * URL as {@code HttpBootUri}, boot once from UefiHttp; then power on (or restart a running host). Done only when
     * the BMC reports the image inserted (or the HTTP boot URI set) and the system on. Any other image format is
     * refused: writing a disk image needs Ironic.
     */
    @Override
    public Outcome provision(Operation.Provision p) {
        if (p.hasCustomDeploy()) {
            return new Outcome.Failed("host " + p.target().host() + " asks for custom deploy \"" + p.customDeploy().method()
                    + "\", a deploy step of Ironic's ramdisk, which the direct Redfish back-end cannot run: use Ironic"
                    + " (metalkube.backend: ironic) or replace spec.customDeploy with a live-iso spec.image");
        }
        Image image = p.image();
        if (image == null || !image.hasUrl()) {
            return new Outcome.Failed("host " + p.target().host() + " has no image URL to provision");
        }
        if (image.format() != DiskFormat.LIVE_ISO) {
            String format = image.format() == null ? "no image.format (a disk image, qcow2 or raw)" : "image.format " + image.format().wireName();
            return new Outcome.Failed("host " + p.target().host() + " asks for " + format + ", but the direct Redfish back-end only boots"
                    + " live-iso images (from virtual media or by UEFI HTTP): writing a disk image needs Ironic (metalkube.backend: ironic)"
                    + " — or set image.format: live-iso for an ISO that runs from memory");
        }
        boolean uefi = p.bootMode() != BootMode.LEGACY;
        if (p.target().address() != null && p.target().address().capabilities().uefiHttpBoot()) {
            if (!uefi) {
                return new Outcome.Failed("host " + p.target().host() + " has a redfish-uefihttp BMC address, which boots the ISO by UEFI HTTP"
                        + " boot, but spec.bootMode is legacy: set spec.bootMode to UEFI, or use redfish-virtualmedia:// to boot it from virtual CD");
            }
            return on(p.target(), "provisioning (live-iso by UEFI HTTP boot)", c -> liveIsoByHttpBoot(c, image.url()));
        }
        return on(p.target(), "provisioning (live-iso by virtual media)", c -> liveIso(c, image.url(), uefi));
    }

    private Outcome liveIso(Call c, String url, boolean uefi) {
        ComputerSystem sys = c.system();
        List<VirtualMedia> cds = VirtualMediaDevices.cdDevices(c.session, sys);
        Optional<VirtualMedia> holding = cds.stream().filter(vm -> vm.holds(url)).findFirst();
        if (holding.isEmpty()) {
            for (VirtualMedia vm : cds) {
                if (vm.holdsMedia()) {
                    VirtualMediaDevices.eject(c.session, vm);
                }
            }
            VirtualMedia device = cds.isEmpty() ? VirtualMediaDevices.firstCd(c.session, sys) : cds.getFirst();
            VirtualMediaDevices.insert(c.session, device, url, settings.actionTimeout());
            BootOverride.once(c.session, sys, BootDevice.CD, uefi, null);
            return bootTheImage(c, sys, url + " inserted, boot from CD once");
        }
        return onceBooted(c, sys);
    }

    /**
     * live-iso by UEFI HTTP boot (metal3's redfish-uefihttp; Ironic's redfish-https boot interface without Ironic):
     * the BMC is given the ISO URL as {@code Boot.HttpBootUri} with a one-time UefiHttp override, and must report that
     * URI back before the host is powered on.
     */
    private Outcome liveIsoByHttpBoot(Call c, String url) {
        ComputerSystem sys = c.system();
        if (sys.boot() != null && url.equals(sys.boot().httpBootUri())) {
            return onceBooted(c, sys);
        }
        BootOverride.once(c.session, sys, BootDevice.UEFI_HTTP, true, url);
        ComputerSystem after = c.system();
        if (after.boot() == null || !after.boot().httpBootUriSupported()) {
            return new Outcome.Failed("the BMC of host " + c.target.host() + " accepted a UEFI HTTP boot override but has no Boot.HttpBootUri"
                    + " property to confirm it (Dell iDRAC keeps the URI in a BIOS attribute): use redfish-virtualmedia:// for this host,"
                    + " or Ironic");
        }
        if (!url.equals(after.boot().httpBootUri())) {
            return new Outcome.Failed("the BMC of host " + c.target.host() + " accepted HttpBootUri " + url + " but reports "
                    + (after.boot().httpBootUri() == null ? "none" : after.boot().httpBootUri()) + "; it did not take the UEFI HTTP boot URI");
        }
        return bootTheImage(c, after, url + " set as the UEFI HTTP boot URI, boot by UEFI HTTP once");
    }

    /** The boot source is set: power on, or restart a running host so it boots from it. */
    private Outcome bootTheImage(Call c, ComputerSystem sys, String done) {
        PowerState now = sys.powerState();
        Power.Intent intent = now != null && now.isOn() ? Power.Intent.HARD_RESTART : Power.Intent.ON;
        String type = Power.reset(c.session, sys, intent);
        pending.put(c.target.host(), new Pending(Power.Intent.ON, System.nanoTime()));
        return new Outcome.InProgress(POLL, done + ", " + type + " sent");
    }

    /** The boot source is confirmed: Done once the system is on. */
    private Outcome onceBooted(Call c, ComputerSystem sys) {
        PowerState now = sys.powerState();
        if (now != null && now.settled() && now.isOn()) {
            pending.remove(c.target.host());
            return new Outcome.Done();
        }
        return change(c, sys, Power.Intent.ON);
    }

    /**
     * Ejects every inserted CD/DVD, clears a UEFI HTTP boot URI the BMC reports, and powers off hard; Done when the BMC
     * reports no media, no HTTP boot URI and the system off.
     */
    @Override
    public Outcome deprovision(Operation.Deprovision d) {
        return on(d.target(), "deprovisioning", c -> {
            ComputerSystem sys = c.system();
            boolean cleared = false;
            for (VirtualMedia vm : VirtualMediaDevices.cdDevices(c.session, sys)) {
                if (vm.holdsMedia()) {
                    VirtualMediaDevices.eject(c.session, vm);
                    cleared = true;
                }
            }
            cleared |= BootOverride.clearHttpBoot(c.session, sys);
            Outcome power = change(c, sys, Power.Intent.HARD_OFF);
            if (power instanceof Outcome.PowerState ps && !ps.poweredOn()) {
                if (VirtualMediaDevices.cdDevices(c.session, sys).stream().anyMatch(VirtualMedia::holdsMedia)) {
                    return new Outcome.InProgress(POLL, "the BMC still reports media inserted after EjectMedia");
                }
                ComputerSystem now = c.system();
                if (now.boot() != null && now.boot().httpBootUri() != null) {
                    return new Outcome.InProgress(POLL, "the BMC still reports HttpBootUri " + now.boot().httpBootUri() + " after clearing it");
                }
                return new Outcome.Done();
            }
            return power instanceof Outcome.InProgress ip && cleared
                    ? new Outcome.InProgress(ip.retryAfter(), "boot media removed; " + ip.detail()) : power;
        });
    }

    // ---- boot override --------------------------------------------------------------------------------------

    /**
     * Boot override, once (issue 10): the host's next boot from PXE, the virtual CD or UEFI HTTP — the full Boot triple,
     * a target the BMC lists (Supermicro's UsbCd for the virtual CD), UEFI unless {@code mode} is legacy. No application
     * port asks for a bare boot override yet (live-iso provisioning uses CD and UEFI HTTP itself), so this is the
     * back-end's own API, tested at the adapter level.
     *
     * @param httpBootUri for {@link BootDevice#UEFI_HTTP}: the URI the firmware fetches, or null for the one DHCP offers
     * @return Done, or Failed naming the host and what the BMC allows or said
     */
    public Outcome bootOnce(BackendTarget target, BootDevice device, BootMode mode, String httpBootUri) {
        if (device != BootDevice.UEFI_HTTP && httpBootUri != null) {
            return new Outcome.Failed("an HTTP boot URI goes only with UEFI HTTP boot, not with " + device + " (host " + target.host() + ")");
        }
        return on(target, "boot override (" + device.wire() + ", once)", c -> {
            BootOverride.once(c.session, c.system(), device, mode != BootMode.LEGACY, httpBootUri);
            return new Outcome.Done();
        });
    }

    // ---- mechanics ------------------------------------------------------------------------------------------

    /** One operation on one host: its session and, resolved once and cached, its system's URI. */
    private final class Call {
        final RedfishSession session;
        final BackendTarget target;
        private final String cacheKey;

        Call(RedfishSession session, BackendTarget target) {
            this.session = session;
            this.target = target;
            this.cacheKey = target.host() + "|" + target.address();
        }

        String systemUri() {
            String uri = systemUris.get(cacheKey);
            if (uri == null) {
                uri = SystemLocator.locate(session, target.address().path()).uri();
                systemUris.put(cacheKey, uri);
            }
            return uri;
        }

        /** The system, read fresh (one GET when its URI is known); a vanished URI is resolved again once. */
        ComputerSystem system() {
            try {
                return Power.read(session, systemUri());
            } catch (RedfishHttpException e) {
                if (e.status() != 404) {
                    throw e;
                }
                systemUris.remove(cacheKey);
                return Power.read(session, systemUri());
            }
        }
    }

    /** Runs {@code work} on the host's BMC session and turns every failure into an Outcome with a clear message. */
    private Outcome on(BackendTarget t, String what, Function<Call, Outcome> work) {
        if (t.address() == null || t.credentials() == null) {
            return new Outcome.Failed("no usable BMC address or credentials for host " + t.host() + "; fix spec.bmc");
        }
        if (!t.address().driver().isRedfishFamily()) {
            return new Outcome.Failed("host " + t.host() + " has BMC address " + t.address() + ", but the redfish back-end speaks only"
                    + " redfish*://, idrac-*:// and ilo5-*:// addresses; use one of those or another back-end");
        }
        try {
            return sessions.with(t.host(), t.address(), t.credentials(), !t.disableCertificateVerification(),
                    session -> work.apply(new Call(session, t)));
        } catch (RedfishException e) {
            return new Outcome.Failed(what + " of host " + t.host() + " failed: " + e.getMessage());
        } catch (IllegalStateException e) {
            return new Outcome.Unavailable("the Redfish back-end is shutting down: " + e.getMessage());
        }
    }
}
