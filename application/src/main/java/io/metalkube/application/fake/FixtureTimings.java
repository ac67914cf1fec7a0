package io.metalkube.application.fake;

import java.time.Duration;

/** How long each fixture back-end operation takes before it reports done. */
public record FixtureTimings(Duration register, Duration inspect, Duration provision, Duration deprovision, Duration power) {

    /** Everything finishes at once: unit tests. */
    public static FixtureTimings instant() {
        return new FixtureTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Roughly what a small real site feels like, shortened: the demo. */
    public static FixtureTimings realistic() {
        return new FixtureTimings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(3), Duration.ofMillis(500));
    }
}
