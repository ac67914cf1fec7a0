package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;

import java.time.Instant;
import java.util.Optional;

/**
 * Power in steady states: follow spec.online, serve reboot annotations (soft, then hard after a timeout),
 * and otherwise poll the observed power state with one back-end read.
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
        Boolean on = status.poweredOn();
        Optional<RebootRequest> once = host.annotations().onceReboot();
        if (once.isPresent() && Boolean.FALSE.equals(on)) {
            return step.effect(Effect.CLEAR_ONCE_REBOOT).status(step.status().withPowerOffSince(null))
                    .event(HostEvent.normal("RebootPoweredOff", "host is off for the requested reboot; powering it on again per spec.online"))
                    .requeueNow().done();
        }
        if (on == null) {
            return step.perform(new Operation.ReadPower(access.target())).done();
        }
        if (Lifecycle.BackoffGate.waiting(host, step, backoff)) {
            return step.done();
        }
        boolean wantOn = (host.spec().online() || host.spec().disablePowerOff())
                && once.isEmpty() && !host.annotations().hasKeyedReboot();
        if (on == wantOn) {
            return step.perform(new Operation.ReadPower(access.target())).done();
        }
        if (wantOn) {
            return step.perform(new Operation.PowerOn(access.target())).done();
        }
        return step.perform(new Operation.PowerOff(access.target(), powerOffMode(host, now))).done();
    }

    private PowerOffMode powerOffMode(Host host, Instant now) {
        boolean hardAsked = host.annotations().reboots().stream().anyMatch(r -> r.mode() == RebootMode.HARD);
        Instant since = host.status().powerOffSince();
        boolean softTimedOut = since != null && !now.isBefore(since.plus(timings.softPowerOffTimeout()));
        return hardAsked || softTimedOut ? PowerOffMode.HARD : PowerOffMode.SOFT;
    }
}
