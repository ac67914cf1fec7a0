package io.metalkube.domain.host;

/** The {@code baremetalhost.metal3.io/detached} annotation: remove the host from the back-end without deprovisioning. */
public record DetachRequest(boolean force) {
}
