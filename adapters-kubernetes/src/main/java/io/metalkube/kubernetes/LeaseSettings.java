package io.metalkube.kubernetes;

import java.util.Objects;

/**
 * Leader election with a coordination.k8s.io Lease: only the holder reconciles.
 *
 * @param identity this instance's name in the Lease (the pod name in-cluster)
 */
public record LeaseSettings(String leaseName, String leaseNamespace, String identity) {

    public LeaseSettings {
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(identity, "identity");
    }
}
