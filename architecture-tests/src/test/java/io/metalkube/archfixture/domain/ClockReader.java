package io.metalkube.archfixture.domain;

import java.time.Instant;

/** Violates "no ambient time": reads the wall clock instead of being given the time. */
public class ClockReader {
    public Instant now() {
        return Instant.now();
    }
}
