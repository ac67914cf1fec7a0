package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostBuilder;
import io.metalkube.domain.host.ProvisioningState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.metalkube.domain.host.HostBuilder.IMAGE;
import static io.metalkube.domain.host.HostBuilder.aHost;
import static org.assertj.core.api.Assertions.assertThat;

/** Never two consumers for one host, whatever the interleaving of claims (issue 2, "Must show"). */
class ClaimRacePropertyTest {

    private static final int CONSUMERS = 6;

    record Scenario(List<Host> hosts, List<ClaimRequest> consumers, List<Tuple.Tuple2<Integer, Boolean>> steps) {
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void noHostEverGetsTwoConsumers(@ForAll("scenarios") Scenario s) {
        ClaimRace race = new ClaimRace(s.hosts(), s.consumers(), true);
        for (Tuple.Tuple2<Integer, Boolean> step : s.steps()) {
            if (step.get2()) {
                race.read(step.get1());
            } else {
                race.write(step.get1());
            }
        }
        assertThat(race.violations()).as(String.join("\n", race.log())).isEmpty();

        // Not vacuous: many runs really claim hosts, and some really lose a race.
        boolean claimed = race.log().stream().anyMatch(l -> l.contains(" claims "));
        boolean lost = race.log().stream().anyMatch(l -> l.contains("loses the race"));
        Statistics.label("claimed").collect(claimed);
        Statistics.label("lost a race").collect(lost);
        Statistics.label("claimed").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("lost a race").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Test
    void withoutCompareAndSetTheSameInterleavingDoesGiveAHostTwoConsumers() {
        List<Host> oneHost = List.of(aHost().named("only").managed().inState(ProvisioningState.AVAILABLE).build());
        List<ClaimRequest> two = List.of(request(0, LabelSelector.everything()), request(1, LabelSelector.everything()));

        ClaimRace blind = new ClaimRace(oneHost, two, false);
        ClaimRace checked = new ClaimRace(oneHost, two, true);
        for (ClaimRace race : List.of(blind, checked)) {
            race.read(0);
            race.read(1);
            race.write(0);
            race.write(1);
        }

        assertThat(blind.violations()).singleElement().asString().contains("taken from");
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.log()).contains("consumer 1 loses the race for dc1/only");
    }

    private static ClaimRequest request(int i, LabelSelector selector) {
        return new ClaimRequest(new ConsumerRef("cluster.x-k8s.io/v1beta1", "Machine", "dc1", "machine-" + i), "dc1", selector, IMAGE, null);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Host> host = Combinators.combine(
                Arbitraries.of(ProvisioningState.AVAILABLE, ProvisioningState.AVAILABLE, ProvisioningState.PROVISIONED, ProvisioningState.INSPECTING),
                Arbitraries.of("r1", "r2", "r3"),
                Arbitraries.of(true, false, false, false),
                Arbitraries.integers().between(0, 1_000_000)).as((state, rack, foreign, n) -> {
                    HostBuilder b = aHost().named("host-" + n).managed().inState(state).labelled("rack", rack);
                    return foreign ? b.consumedBy(new ConsumerRef("", "Machine", "dc1", "someone-else")).build() : b.build();
                });
        Arbitrary<List<Host>> hosts = host.list().ofMinSize(1).ofMaxSize(8).uniqueElements(Host::id);
        Arbitrary<LabelSelector> selectors = Arbitraries.of(LabelSelector.everything(), LabelSelector.ofLabels(Map.of("rack", "r1")),
                new LabelSelector(Map.of(), List.of(new Requirement("rack", SelectorOperator.NOT_IN, List.of("r3")))));
        Arbitrary<List<ClaimRequest>> consumers = selectors.list().ofSize(CONSUMERS)
                .map(sel -> IntStream.range(0, CONSUMERS).mapToObj(i -> request(i, sel.get(i))).toList());
        Arbitrary<List<Tuple.Tuple2<Integer, Boolean>>> steps = Combinators.combine(
                Arbitraries.integers().between(0, CONSUMERS - 1), Arbitraries.of(true, false)).as(Tuple::of).list().ofMinSize(10).ofMaxSize(60);
        return Combinators.combine(hosts, consumers, steps).as((h, c, st) -> new Scenario(new ArrayList<>(h), c, st));
    }
}
