package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.HostId;

import java.time.Duration;

/**
 * Failure backoff: 2^n minutes minus up to half of it as jitter, n capped (metal3's calculateBackoff,
 * 1 → [1 min, 2 min] … 9 → [4 h 16 min, 8 h 32 min]).
 * The jitter is fixed per host (derived from its id), so hosts that fail together retry apart, and one host's
 * backoff never shrinks as its errorCount grows. Pure: no random source, no clock.
 */
public final class Backoff {

    private final int capExponent;

    public Backoff(int capExponent) {
        if (capExponent < 0 || capExponent > 30) {
            throw new IllegalArgumentException("backoff cap exponent must be between 0 and 30");
        }
        this.capExponent = capExponent;
    }

    public Duration after(int errorCount, HostId host) {
        if (errorCount <= 0) {
            return Duration.ZERO;
        }
        long fullSeconds = 60L << Math.min(errorCount, capExponent);
        return Duration.ofSeconds(fullSeconds - Math.round(fullSeconds * jitterFraction(host)));
    }

    /** The longest backoff there is. */
    public Duration cap() {
        return Duration.ofSeconds(60L << capExponent);
    }

    /** A fraction in [0, 0.5) from a 32-bit FNV-1a hash of the host id. */
    static double jitterFraction(HostId host) {
        int hash = 0x811c9dc5;
        for (char c : host.toString().toCharArray()) {
            hash ^= c;
            hash *= 0x01000193;
        }
        return (Integer.toUnsignedLong(hash) % 1000) / 2000.0;
    }
}
