package io.metalkube.application.port.out;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.CredentialsCheck;

/** Outbound port: reads a host's BMC credentials Secret, in the host's own namespace only. */
public interface CredentialsLookup {

    CredentialsCheck lookup(HostId host, String secretName);
}
