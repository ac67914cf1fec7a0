package io.metalkube.application.prove;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized claim races (issue 6, "Races"): two operator instances, injected 409s, preempted writes and late,
 * duplicated or dropped watch events; N Machines against M hosts in all three shapes. 100 seeds by default;
 * {@code -Dmetalkube.race.seeds=5000} for a soak, {@code -Dmetalkube.race.seed=42} to replay one seed.
 */
class ClaimRaceTest {

    private static final long SEEDS = Long.getLong("metalkube.race.seeds", 100);
    private static final Long REPLAY = Long.getLong("metalkube.race.seed");

    @TestFactory
    Stream<DynamicTest> twoOperatorsNeverDoubleClaimAndAlwaysSettle() {
        LongStream seeds = REPLAY != null ? LongStream.of(REPLAY) : LongStream.range(0, SEEDS);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runSeed(seed)));
    }

    @org.junit.jupiter.api.Test
    void theSeedsCoverAllThreeShapes() {
        Map<ClaimRace.Shape, Integer> count = new EnumMap<>(ClaimRace.Shape.class);
        for (long seed = 0; seed < Math.min(SEEDS, 100); seed++) {
            count.merge(new ClaimRace(seed).shape(), 1, Integer::sum);
        }
        assertThat(count).containsKeys(ClaimRace.Shape.values());
    }

    private static void runSeed(long seed) {
        ClaimRace race = new ClaimRace(seed);
        try {
            race.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(race.describe() + " — replay with: ./mvnw -B -q -pl application test "
                    + "-Dtest=ClaimRaceTest -Dmetalkube.race.seed=" + seed + "\n" + e.getMessage(), e);
        }
    }
}
