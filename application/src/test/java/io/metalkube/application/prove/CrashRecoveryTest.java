package io.metalkube.application.prove;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes (issue 6): the operator is killed between any two store or back-end steps of a whole lifecycle, then a
 * fresh operator takes over the same stores and back-end; every run must reach the same end state — no orphan
 * back-end node, no host lost, nothing half-claimed.
 */
@org.junit.jupiter.api.extension.ExtendWith(QuietLogs.class)
class CrashRecoveryTest {

    @Test
    void aKillBetweenAnyTwoStepsConvergesToTheSameEndState() {
        KillSwitch counter = new KillSwitch(0);
        new LifecycleScript().run(List.of(counter)).assertConverged();
        long steps = counter.calls();
        assertThat(steps).as("steps in one crash-free lifecycle").isGreaterThan(50);
        System.out.println("crash-free lifecycle: " + steps + " store and back-end steps; killing before each one");
        int killed = 0;
        for (long k = 1; k <= steps; k++) {
            LifecycleScript run = new LifecycleScript();
            try {
                run.run(List.of(new KillSwitch(k))).assertConverged();
            } catch (AssertionError e) {
                throw new AssertionError("killed before step " + k + " of " + steps + ": " + e.getMessage(), e);
            }
            killed += run.restarts();
        }
        assertThat(killed).as("every run was really killed once").isEqualTo((int) steps);
    }

    @Test
    void repeatedKillsIncludingDuringRecoveryStillConverge() {
        KillSwitch counter = new KillSwitch(0);
        new LifecycleScript().run(List.of(counter));
        long steps = counter.calls();
        for (long seed = 0; seed < 40; seed++) {
            Random rnd = new Random(seed);
            List<KillSwitch> lives = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lives.add(new KillSwitch(1 + rnd.nextInt((int) steps / 2)));
            }
            LifecycleScript run = new LifecycleScript();
            try {
                run.run(lives).assertConverged();
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
            assertThat(run.restarts()).as("seed %d: the first process is always killed", seed).isBetween(1, 3);
        }
    }
}
