package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.lifecycle.Happenings.Edit;
import io.metalkube.domain.lifecycle.Happenings.Happening;
import io.metalkube.domain.lifecycle.Happenings.Reconcile;
import io.metalkube.domain.lifecycle.Happenings.SecretChange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static io.metalkube.domain.host.HostBuilder.aHost;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new host lives through a random sequence of edits, Secret changes and back-end answers; the invariants hold
 * after every step, and whatever state it ends in, deleting it terminates.
 */
class EventSequencePropertyTest {

    @Property(tries = 400)
    void invariantsHoldAlongAnyEventSequence(@ForAll("lives") List<Happening> life) {
        Simulation sim = new Simulation(aHost().withBmc().build(), goodCredentials(), T0);
        for (Happening happening : life) {
            switch (happening) {
                case Edit e -> sim.edit(e.change(), e.name());
                case SecretChange s -> sim.observe(s.observation());
                case Reconcile r -> checkRound(sim.observation(), sim.reconcile(r.answer()), sim);
            }
        }

        Host deleting = sim.host().markedForDeletion().withAnnotations(sim.host().annotations().withPaused(false));
        Simulation end = new Simulation(deleting, sim.observation(), sim.now());
        for (int round = 0; round < 40; round++) {
            if (end.reconcile(op -> new Outcome.Failed("back-end keeps failing")).removedFinalizer()) {
                return;
            }
        }
        throw new AssertionError("deletion did not terminate after:\n" + String.join("\n", sim.trace())
                + "\n-- deleting --\n" + String.join("\n", end.trace()));
    }

    private static void checkRound(Observation observation, Simulation.Round round, Simulation sim) {
        java.util.function.Supplier<String> where = () -> String.join("\n", sim.trace());
        round.operation().ifPresent(op -> {
            if (op instanceof Operation.Provision) {
                assertThat(observation.credentials()).as(where).isInstanceOfSatisfying(CredentialsCheck.Found.class,
                        found -> assertThat(round.before().status().goodCredentials()).as(where).isEqualTo(found.version()));
            }
            Outcome outcome = round.outcome().orElseThrow();
            if (Happenings.isSuccess(op, outcome)) {
                assertThat(round.after().status().errorCount()).as(() -> "errorCount after success\n" + where.get()).isZero();
            }
            boolean powerOp = op instanceof Operation.ReadPower || op instanceof Operation.PowerOn || op instanceof Operation.PowerOff;
            if (powerOp && outcome instanceof Outcome.PowerState ps && !round.removedFinalizer()) {
                assertThat(round.after().status().poweredOn()).as(() -> "poweredOn is what was observed\n" + where.get()).isEqualTo(ps.poweredOn());
            }
        });
        if (round.planned().status().state() != round.before().state() && round.before().annotations().paused()) {
            throw new AssertionError("a paused host changed state\n" + where.get());
        }
    }

    @Provide
    Arbitrary<List<Happening>> lives() {
        Arbitrary<Happening> edits = Arbitraries.of(Happenings.EDITS).map(e -> (Happening) e);
        Arbitrary<Happening> secrets = Arbitraries.of(Happenings.SECRETS).map(s -> (Happening) s);
        Arbitrary<Happening> reconciles = Arbitraries.of(Happenings.RECONCILES).map(r -> (Happening) r);
        Arbitrary<Happening> successes = Arbitraries.just(Happenings.RECONCILES.getFirst());
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, edits),
                        net.jqwik.api.Tuple.of(1, secrets),
                        net.jqwik.api.Tuple.of(4, reconciles),
                        net.jqwik.api.Tuple.of(6, successes))
                .list().ofMaxSize(60);
    }
}
