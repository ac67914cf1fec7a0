package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.RebootRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Power in steady states (metal3's manageHostPower): follow spec.online, serve reboot annotations (soft, then hard
 * after a timeout; {@link Reboots} says which count), and otherwise poll the observed power state with one back-end
 * read. A host with spec.disablePowerOff is never powered off: a reboot annotation power-cycles it once instead.
 */
final class PowerPlanner {

    private final LifecycleTimings timings;
    private final Backoff backoff;

    PowerPlanner(LifecycleTimings timings, Backoff backoff) {
        this.timings = timings;
        this.backoff = backoff;
    }

    Decision plan(Host host, Lifecycle.Access access, Step step, Instant now) {
        HostStatus status = host.status();
        if (step.status().operationalStatus() == OperationalStatus.DELAYED) {
            // steady again: whatever waited for the provisioning limit is no longer wanted
            step.status(step.status().withOperationalStatus(OperationalStatus.OK));
        }
        Reboots reboots = Reboots.of(host);
        List<String> served = reboots.stillServed(status.servedReboots());
        if (!served.equals(status.servedReboots())) {
            step.status(step.status().withServedReboots(served)); // a served keyed annotation was removed
        }
        Boolean on = status.poweredOn();
        Optional<RebootRequest> once = host.annotations().onceReboot();
        if (once.isPresent() && Boolean.FALSE.equals(on)) {
            // metal3 drops the suffixless annotation whenever the host is seen off: the reboot it asked for happened
            step.effect(Effect.CLEAR_ONCE_REBOOT).status(step.status().withPowerOffSince(null));
            if (reboots.isActive(once.get())) {
                step.event(HostEvent.normal("RebootPoweredOff", "host is off for the requested reboot; powering it on again per spec.online"));
            }
            return step.requeueNow().done();
        }
        if (on == null) {
            return step.perform(new Operation.ReadPower(access.target())).done();
        }
        if (Lifecycle.BackoffGate.waiting(host, step, backoff)) {
            return step.done();
        }
        if (host.spec().disablePowerOff()) {
            return neverOff(host, reboots, served, on, access, step);
        }
        boolean wantOn = host.spec().online() && !reboots.any();
        if (on == wantOn) {
            return step.perform(new Operation.ReadPower(access.target())).done();
        }
        if (wantOn) {
            return step.perform(new Operation.PowerOn(access.target())).done();
        }
        return step.perform(new Operation.PowerOff(access.target(), powerOffMode(host, reboots, now))).done();
    }

    /** spec.disablePowerOff: reboot annotations not served yet power-cycle the host; otherwise it is kept on. */
    private Decision neverOff(Host host, Reboots reboots, List<String> served, boolean on, Lifecycle.Access access, Step step) {
        if (!reboots.pending(served).isEmpty()) {
            boolean hard = reboots.hard() || host.status().errorCount() > 0; // metal3: after a failure, hard
            return step.perform(new Operation.Reboot(access.target(), hard ? PowerOffMode.HARD : PowerOffMode.SOFT)).done();
        }
        return step.perform(on ? new Operation.ReadPower(access.target()) : new Operation.PowerOn(access.target())).done();
    }

    private PowerOffMode powerOffMode(Host host, Reboots reboots, Instant now) {
        Instant since = host.status().powerOffSince();
        boolean softTimedOut = since != null && !now.isBefore(since.plus(timings.softPowerOffTimeout()));
        return reboots.hard() || softTimedOut ? PowerOffMode.HARD : PowerOffMode.SOFT;
    }
}
