package io.metalkube.domain.claim;

import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.ProvisioningState;

/** One step of giving a host back: clear what the consumer set, wait for deprovisioning, then drop the consumer. */
public sealed interface ReleaseStep {

    /** The host belongs to someone else (or no one): leave it alone. */
    record NotOurs() implements ReleaseStep {
    }

    /** Write this spec: image, custom deploy, userData and online cleared, which starts deprovisioning. */
    record ClearSpec(HostSpec spec) implements ReleaseStep {
    }

    /** Deprovisioning is still running; look again later. */
    record WaitForDeprovisioning(ProvisioningState state) implements ReleaseStep {
    }

    /** Write this spec: consumerRef cleared. The host is free again. */
    record ClearConsumer(HostSpec spec) implements ReleaseStep {
    }
}
