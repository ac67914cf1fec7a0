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
}
