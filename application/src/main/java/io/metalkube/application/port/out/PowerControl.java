package io.metalkube.application.port.out;

import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

/** Outbound port (back-end capability): observe and change a host's power. */
public interface PowerControl {

    /** Outcome: PowerState (observed), Failed or Unavailable. */
    Outcome readPower(Operation.ReadPower request);

    /** Outcome: PowerState observed afterwards, Done (accepted, not yet observed), InProgress, Failed or Unavailable. */
    Outcome powerOn(Operation.PowerOn request);

    /** As {@link #powerOn}; a SOFT request that the BMC cannot serve is Failed, so the lifecycle falls back to HARD. */
    Outcome powerOff(Operation.PowerOff request);

    /**
     * Power-cycles a host that must never be left off (spec.disablePowerOff) and leaves it on; a host found off is
     * powered on. Outcome: Done (accepted), PowerState observed afterwards (on), InProgress, Failed or Unavailable.
     * A back-end without a reboot of its own keeps this default: a clear failure, never a power-off.
     */
    default Outcome reboot(Operation.Reboot request) {
        return new Outcome.Failed("this back-end cannot power-cycle host " + request.target().host() + " without powering it off,"
                + " and spec.disablePowerOff forbids powering it off; reboot it by hand, or manage it with a back-end that can");
    }
}
