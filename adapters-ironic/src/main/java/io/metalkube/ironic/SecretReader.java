package io.metalkube.ironic;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.SecretRef;

import java.util.Optional;

/**
 * Reads one key of a Secret on behalf of a host (userData, networkData, metaData for the config drive).
 * The composition root backs it with the Kubernetes Secret store; it must refuse Secrets in other namespaces.
 */
@FunctionalInterface
public interface SecretReader {

    /** The value of {@code key} in the Secret {@code ref} (namespace empty = the host's own), or empty if absent. */
    Optional<String> read(HostId host, SecretRef ref, String key);
}
