package io.metalkube.domain.host;

/** The {@code inspect.metal3.io} annotation: absent, present and empty (re-inspect), or {@code disabled}. */
public enum InspectRequest {
    NONE, REINSPECT, DISABLED
}
