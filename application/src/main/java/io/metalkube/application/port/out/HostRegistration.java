package io.metalkube.application.port.out;

import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

/** Outbound port (back-end capability): enrol hosts, prove their credentials, and forget them. */
public interface HostRegistration {

    /** Outcome: Registered, InProgress, Failed or Unavailable. */
    Outcome register(Operation.Register request);

    /** Removes the host from the back-end (deletion). Outcome: Done, InProgress, Failed or Unavailable. */
    Outcome delete(Operation.Delete request);

    /** Removes the host from the back-end without deprovisioning. Outcome as for delete. */
    Outcome detach(Operation.Detach request);
}
