package io.metalkube.application.port.out;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Capacity;

/** Outbound port: whether one more host may start inspecting, provisioning or deprovisioning. */
public interface ProvisioningCapacity {

    Capacity check(HostId host);
}
