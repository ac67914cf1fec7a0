package io.metalkube.application.port.out;

import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

/** Outbound port (back-end capability): write an image to a host and take it back. */
public interface HostProvisioning {

    /** Outcome: Done, InProgress, Failed or Unavailable. */
    Outcome provision(Operation.Provision request);

    /** Outcome: Done, InProgress, Failed or Unavailable. */
    Outcome deprovision(Operation.Deprovision request);
}
