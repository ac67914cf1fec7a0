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
 * {@code -Dmetalkube.race.seeds=5000}
 * (half as many churn seeds, numbered from 100000, also delete and create Machines mid-race) for a soak, {@code -Dmetalkube.race.seed=42} to replay one seed.
 */
@org.junit.jupiter.api.extension.ExtendWith(QuietLogs.class)
class ClaimRaceTest {

    private static final long SEEDS = Long.getLong("metalkube.race.seeds", 100);
    private static final Long REPLAY = Long.getLong("metalkube.race.seed");
    private static final long CHURN_BASE = 100_000;

    @TestFactory
    Stream<DynamicTest> twoOperatorsNeverDoubleClaimAndAlwaysSettle() {
        LongStream seeds = REPLAY != null ? LongStream.of(REPLAY).filter(s -> s < CHURN_BASE) : LongStream.range(0, SEEDS);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runSeed(seed, seed >= CHURN_BASE)));
    }

    @TestFactory
    Stream<DynamicTest> machinesDeletedAndCreatedDuringTheRaceReleaseCleanlyAndNeverDoubleClaim() {
        LongStream seeds = REPLAY != null ? LongStream.of(REPLAY).filter(s -> s >= CHURN_BASE) : LongStream.range(CHURN_BASE, CHURN_BASE + SEEDS / 2);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("churn seed " + seed, () -> runSeed(seed, true)));
    }

    @org.junit.jupiter.api.Test
    void theSeedsCoverAllThreeShapes() {
        Map<ClaimRace.Shape, Integer> count = new EnumMap<>(ClaimRace.Shape.class);
        for (long seed = 0; seed < Math.min(SEEDS, 100); seed++) {
            count.merge(new ClaimRace(seed).shape(), 1, Integer::sum);
        }
        assertThat(count).containsKeys(ClaimRace.Shape.values());
    }

    private static void runSeed(long seed, boolean churn) {
        ClaimRace race = new ClaimRace(seed, churn);
        try {
            race.run();
            if (churn && race.deletedMachines() == 0) {
                throw new AssertionError("the churn race deleted no Machine, so it proved nothing about releases");
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(race.describe() + " — replay with: ./mvnw -B -q -pl application test "
                    + "-Dtest=ClaimRaceTest -Dmetalkube.race.seed=" + seed + "\n" + e.getMessage(), e);
        }
    }
}
