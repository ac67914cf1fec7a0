package io.metalkube.domain.host;

/** How a reboot annotation wants the host powered off. */
public enum RebootMode {
    /** Soft first, hard if the soft power-off does not take effect in time (metal3's default). */
    SOFT_THEN_HARD,
    HARD
}
