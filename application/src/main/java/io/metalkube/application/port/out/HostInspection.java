package io.metalkube.application.port.out;

import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

/** Outbound port (back-end capability): read a host's hardware inventory. */
public interface HostInspection {

    /** Outcome: Inspected, InProgress, Failed or Unavailable. */
    Outcome inspect(Operation.Inspect request);
}
