package io.metalkube.application.port.in;

import io.metalkube.domain.host.HostId;

/** Inbound port: bring one host one step closer to what its spec asks for. */
public interface ReconcileHostUseCase {

    ReconcileResult reconcile(HostId host);
}
