package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant (issue 11 item 3): a host with spec.disablePowerOff is never powered off and never left off, whatever
 * sequence of reboot annotations (suffixless or keyed, soft or hard, forced or not), removals, power-button presses,
 * failing or slow BMC answers and deletion it goes through.
 */
class DisablePowerOffPropertyTest {

    sealed interface Step {
    }

    record Annotate(RebootRequest reboot) implements Step {
    }

    record Remove(String key) implements Step {
    }

    record PowerButton() implements Step {
    }

    record Reconcile(int answer) implements Step {
    }

    record Delete() implements Step {
    }

    /** The simulated BMC: its power, and every power-off it was ever asked for. */
    static final class Bmc {
        boolean on = true;
        final List<String> powerOffs = new ArrayList<>();

        Outcome answer(Operation op, int how) {
            if (op instanceof Operation.PowerOff p) {
                powerOffs.add(p.mode().name());
                on = false;
                return new Outcome.PowerState(false);
            }
            if (how == 1 && !(op instanceof Operation.ReadPower)) {
                return new Outcome.Failed("BMC refused " + op.kind());
            }
            if (how == 2) {
                return new Outcome.InProgress(Duration.ofSeconds(10), op.kind() + " running");
            }
            return switch (op) {
                case Operation.PowerOn p -> {
                    on = true;
                    yield new Outcome.PowerState(true);
                }
                case Operation.Reboot r -> {
                    on = true; // a power cycle ends with the host on
                    yield new Outcome.Done();
                }
                case Operation.ReadPower r -> new Outcome.PowerState(on);
                default -> LifecycleArbitraries.success(op);
            };
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void aHostThatMayNotBePoweredOffIsNeverPoweredOffNorLeftOff(@ForAll("states") ProvisioningState state,
                                                               @ForAll("scripts") List<Step> script) {
        Host start = aHost().managed().inState(state).online().disablePowerOff().withImage(IMAGE).provisionedWith(IMAGE)
                .poweredOn(true).build();
        Simulation sim = new Simulation(start, goodCredentials(), T0);
        Bmc bmc = new Bmc();
        Boolean onWhenDeleted = null;
        for (Step step : script) {
            switch (step) {
                case Annotate a -> sim.edit(h -> h.withAnnotations(h.annotations().withReboots(with(h.annotations().reboots(), a.reboot()))),
                        "annotate " + a.reboot());
                case Remove r -> sim.edit(h -> h.withAnnotations(h.annotations().withReboots(h.annotations().reboots().stream()
                        .filter(x -> !x.key().equals(r.key())).toList())), "remove " + r.key());
                case PowerButton p -> {
                    bmc.on = false;
                    onWhenDeleted = onWhenDeleted == null ? null : Boolean.FALSE;
                    sim.edit(h -> h, "power button pressed: the host is off");
                }
                case Delete d -> {
                    onWhenDeleted = onWhenDeleted == null ? bmc.on : onWhenDeleted;
                    sim.edit(Host::markedForDeletion, "delete");
                }
                case Reconcile r -> sim.reconcile(op -> bmc.answer(op, r.answer()));
            }
        }
        for (int i = 0; i < 25 && !sim.host().state().equals(ProvisioningState.DELETING); i++) {
            sim.reconcile(op -> bmc.answer(op, 0)); // an honest BMC from now on
        }

        assertThat(bmc.powerOffs).as("power-offs asked for:\n" + String.join("\n", sim.trace())).isEmpty();
        // deletion changes no power (someone may switch it off by hand); otherwise the host ends up on
        assertThat(bmc.on).as("power at the end:\n" + String.join("\n", sim.trace())).isEqualTo(onWhenDeleted == null || onWhenDeleted);
    }

    private static List<RebootRequest> with(List<RebootRequest> existing, RebootRequest added) {
        List<RebootRequest> out = new ArrayList<>(existing.stream().filter(r -> !r.key().equals(added.key())).toList());
        out.add(added);
        return out;
    }

    @Provide
    Arbitrary<ProvisioningState> states() {
        return Arbitraries.of(ProvisioningState.PROVISIONED, ProvisioningState.EXTERNALLY_PROVISIONED, ProvisioningState.AVAILABLE);
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<String> keys = Arbitraries.of("", "", "metal3-remediation-a", "ops");
        Arbitrary<Step> annotate = Combinators.combine(keys, Arbitraries.of(RebootMode.values()), Arbitraries.of(true, false))
                .as((k, m, f) -> new Annotate(new RebootRequest(k, m, f)));
        Arbitrary<Step> remove = Arbitraries.of("metal3-remediation-a", "ops").map(Remove::new);
        Arbitrary<Step> reconcile = Arbitraries.of(0, 0, 0, 1, 2).map(Reconcile::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, annotate), net.jqwik.api.Tuple.of(2, remove),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new PowerButton())), net.jqwik.api.Tuple.of(8, reconcile),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Delete())));
        return step.list().ofMaxSize(30);
    }
}
