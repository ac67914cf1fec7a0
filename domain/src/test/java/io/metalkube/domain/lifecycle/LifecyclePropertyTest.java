package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the lifecycle over random hosts, observations and back-end answers (issue 2, "Must show"). */
class LifecyclePropertyTest {

    /**
     * Enough rounds for every deletion phase to fail past its limit once the random answers run out and the back-end
     * turns hostile: every operation fails, and a power-off never takes effect (each attempt waits out its timeout).
     */
    private static final int ROUNDS_AFTER_ANSWERS = 150;

    @Property(tries = 500)
    void deletionAlwaysTerminates(@ForAll("hosts") Host host, @ForAll("observations") Observation observation,
                                  @ForAll @Size(max = 30) List<@net.jqwik.api.From("outcomes") Outcome> answers) {
        Host deleting = host.markedForDeletion().withAnnotations(host.annotations().withPaused(false));
        Simulation sim = new Simulation(deleting, observation, T0);
        Deque<Outcome> script = new ArrayDeque<>(answers);

        for (int round = 0; round < answers.size() + ROUNDS_AFTER_ANSWERS; round++) {
            Simulation.Round r = sim.reconcile(op -> !script.isEmpty() ? script.poll()
                    : op instanceof Operation.PowerOff ? new Outcome.InProgress(Duration.ofSeconds(10), "BMC stuck powering off")
                    : new Outcome.Failed("back-end keeps failing"));
            if (r.removedFinalizer()) {
                return;
            }
        }
        throw new AssertionError("deletion did not terminate:\n" + String.join("\n", sim.trace()));
    }

    @Property(tries = 500)
    void nothingIsProvisionedWithoutGoodCredentials(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        Decision d = LIFECYCLE.plan(host, observation, T0);

        d.operation().ifPresent(op -> {
            if (op instanceof Operation.Provision || op instanceof Operation.Inspect
                    || (!host.deleting() && (op instanceof Operation.Deprovision || op instanceof Operation.PowerOn || op instanceof Operation.PowerOff
                    || op instanceof Operation.Reboot))) {
                assertThat(observation.credentials()).isInstanceOfSatisfying(CredentialsCheck.Found.class,
                        found -> assertThat(host.status().goodCredentials()).isEqualTo(found.version()));
            }
            if (!(op instanceof Operation.Delete) && !(op instanceof Operation.Detach)) {
                assertThat(op.target().credentials()).as("credentials for " + op.kind()).isNotNull();
                assertThat(op.target().address()).as("address for " + op.kind()).isNotNull();
            }
        });
    }

    @Property(tries = 500)
    void aSuccessfulOperationResetsTheErrorCount(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        Decision planned = LIFECYCLE.plan(host, observation, T0);
        if (planned.operation().isEmpty()) {
            return;
        }
        Operation op = planned.operation().get();
        Host asked = apply(host, planned);

        Decision d = LIFECYCLE.conclude(asked, op, LifecycleArbitraries.success(op), T0);

        assertThat(d.status().errorCount()).as("errorCount after a successful %s in %s", op.kind(), asked.state()).isZero();
        assertThat(d.status().errorType()).isNull();
    }

    @Property(tries = 500)
    void aFailureCountsUpAndBacksOffWithinTheCap(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        Decision planned = LIFECYCLE.plan(host, observation, T0);
        if (planned.operation().isEmpty()) {
            return;
        }
        Host asked = apply(host, planned);

        Decision d = LIFECYCLE.conclude(asked, planned.operation().get(), new Outcome.Failed("boom"), T0);

        if (planned.operation().get() instanceof Operation.PowerOff off && off.mode() == PowerOffMode.SOFT) {
            // not an error: a soft power-off the BMC refuses is followed at once by a hard one (an error the host
            // already had stays as it was; jqwik seed 1099883023749319045 found one)
            assertThat(d.status().errorCount()).isEqualTo(asked.status().errorCount());
            assertThat(d.events()).anySatisfy(e -> assertThat(e.reason()).isEqualTo("SoftPowerOffFailed"));
            return;
        }
        if (d.status().hasError()) {
            assertThat(d.status().errorCount()).isGreaterThan(asked.status().errorCount());
        }
        if (!d.effects().contains(Effect.REMOVE_FINALIZER)) {
            assertThat(d.requeue()).get().satisfies(r -> assertThat(r).isLessThanOrEqualTo(LIFECYCLE.backoff().cap()));
        }
    }

    @Property(tries = 500)
    void capacityMattersOnlyWhenTheLifecycleSaysItMight(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        if (LIFECYCLE.mayNeedCapacity(host)) {
            return;
        }
        Decision unchecked = LIFECYCLE.plan(host, new Observation(observation.credentials(), Capacity.NOT_CHECKED), T0);
        Decision exhausted = LIFECYCLE.plan(host, new Observation(observation.credentials(), Capacity.EXHAUSTED), T0);

        assertThat(exhausted).isEqualTo(unchecked);
    }

    @Property(tries = 500)
    void thePasswordNeverReachesStatusOrEvents(@ForAll("hosts") Host host, @ForAll("observations") Observation observation,
                                               @ForAll("outcomes") Outcome outcome) {
        Decision planned = LIFECYCLE.plan(host, observation, T0);
        List<Decision> decisions = new java.util.ArrayList<>(List.of(planned));
        planned.operation().ifPresent(op -> decisions.add(LIFECYCLE.conclude(apply(host, planned), op, outcome, T0)));

        for (Decision d : decisions) {
            assertThat(d.status().errorMessage()).doesNotContain(ADMIN.password());
            assertThat(d.status().toString()).doesNotContain(ADMIN.password());
            assertThat(d.events()).allSatisfy(e -> assertThat(e.message()).doesNotContain(ADMIN.password()));
            d.operation().ifPresent(op -> assertThat(op.toString()).doesNotContain(ADMIN.password()));
        }
    }

    @Property(tries = 500)
    void poweredOnIsOnlyEverWhatTheBmcReported(@ForAll("hosts") Host host, @ForAll("observations") Observation observation,
                                               @ForAll("outcomes") Outcome outcome) {
        Decision planned = LIFECYCLE.plan(host, observation, T0);
        assertThat(planned.status().poweredOn()).as("plan observes nothing").isEqualTo(host.status().poweredOn());
        if (planned.operation().isEmpty()) {
            return;
        }
        Host asked = apply(host, planned);

        Decision concluded = LIFECYCLE.conclude(asked, planned.operation().get(), outcome, T0);

        Operation op = planned.operation().get();
        boolean powerOp = op instanceof Operation.ReadPower || op instanceof Operation.PowerOn || op instanceof Operation.PowerOff;
        Boolean after = concluded.status().poweredOn();
        if (outcome instanceof Outcome.PowerState ps) {
            // a power state is an observation whatever was asked; after a power operation it must be recorded
            assertThat(after).as("after %s answered %s", op.kind(), outcome)
                    .isIn(powerOp ? List.of(ps.poweredOn()) : java.util.Arrays.asList(ps.poweredOn(), asked.status().poweredOn()));
        } else {
            assertThat(after).as("after %s answered %s", op.kind(), outcome).isEqualTo(asked.status().poweredOn());
        }
    }

    @Property(tries = 500)
    void powerIsSwitchedOnlyInSteadyStatesOrToDelete(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        Decision d = LIFECYCLE.plan(host, observation, T0);

        d.operation().filter(op -> op instanceof Operation.PowerOn || op instanceof Operation.PowerOff).ifPresent(op -> {
            boolean deleting = d.status().state() == io.metalkube.domain.host.ProvisioningState.POWERING_OFF_BEFORE_DELETE;
            assertThat(host.state().isSteady() || deleting).as(op.kind() + " in " + host.state()).isTrue();
            if (!deleting) {
                boolean wantOn = (host.spec().online() || host.spec().disablePowerOff()) && host.annotations().reboots().isEmpty();
                assertThat(op instanceof Operation.PowerOn).as("power follows spec.online").isEqualTo(wantOn);
            }
        });
    }

    @Property(tries = 300)
    void aPausedHostIsNeverTouched(@ForAll("hosts") Host host, @ForAll("observations") Observation observation) {
        Host paused = host.withAnnotations(host.annotations().withPaused(true));

        Decision d = LIFECYCLE.plan(paused, observation, T0);

        assertThat(d.status()).isSameAs(paused.status());
        assertThat(d.operation()).isEmpty();
        assertThat(d.requeue()).isEmpty();
        assertThat(d.effects()).isEmpty();
    }

    @Property(tries = 1000)
    void backoffNeverShrinksAsErrorsGrowAndIsCapped(@ForAll @IntRange(min = 0, max = 30) int capExponent,
                                                    @ForAll @IntRange(min = 0, max = 200) int n,
                                                    @ForAll @IntRange(min = 0, max = 200) int more,
                                                    @ForAll @StringLength(min = 1, max = 30) String hostName) {
        Backoff backoff = new Backoff(capExponent);
        HostId id = new HostId("dc1", hostName);

        Duration atN = backoff.after(n, id);
        Duration later = backoff.after(n + more, id);

        assertThat(later).isGreaterThanOrEqualTo(atN);
        assertThat(later).isLessThanOrEqualTo(backoff.cap());
        if (n > 0) {
            long full = 60L << Math.min(n, capExponent);
            assertThat(atN.getSeconds()).isBetween(full / 2, full);
        }
    }

    @Provide
    Arbitrary<Host> hosts() {
        return LifecycleArbitraries.anyHost();
    }

    @Provide
    Arbitrary<Observation> observations() {
        return LifecycleArbitraries.anyObservation();
    }

    @Provide
    Arbitrary<Outcome> outcomes() {
        return LifecycleArbitraries.anyOutcome();
    }
}
