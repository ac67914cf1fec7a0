package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.OperationHistory;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Happenings.Edit;
import io.metalkube.domain.lifecycle.Happenings.Happening;
import io.metalkube.domain.lifecycle.Happenings.Reconcile;
import io.metalkube.domain.lifecycle.Happenings.SecretChange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import static io.metalkube.domain.host.HostBuilder.aHost;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provisioning state can be reached from a new host through some sequence of edits and back-end answers:
 * a breadth-first search over the events of {@link Happenings}, which also yields the shortest such sequence.
 * {@code match profile} is metal3's legacy pass-through state and is never entered, by design.
 */
class ReachabilityTest {

    private record Node(Host host, Observation observation, Instant now, List<String> path) {
    }

    /** The edits that change which state comes next; the others (pause, reboot, ...) only lengthen the search. */
    private static final Set<String> RELEVANT_EDITS = Set.of("set image and online", "change image", "clear image",
            "externally provisioned", "not externally provisioned", "disable inspection", "request re-inspection", "delete");

    private static final Map<ProvisioningState, List<String>> FROM_NEW_HOST = new EnumMap<>(ProvisioningState.class);
    private static final Map<ProvisioningState, List<String>> FROM_REGISTERING = new EnumMap<>(ProvisioningState.class);

    @BeforeAll
    static void explore() {
        FROM_NEW_HOST.putAll(explore(List.of(
                new Node(aHost().build(), nothingObserved(), T0, List.of("new host without BMC")),
                new Node(aHost().withBmc().build(), goodCredentials(), T0, List.of("new host with BMC"))), ProvisioningState.values().length - 1));
        FROM_REGISTERING.putAll(explore(List.of(
                new Node(aHost().withBmc().inState(ProvisioningState.REGISTERING).build(), goodCredentials(), T0, List.of("registering"))),
                Integer.MAX_VALUE));
    }

    /** Breadth-first: the first path found to each state is a shortest one. Stops once {@code enough} states are reached. */
    private static Map<ProvisioningState, List<String>> explore(List<Node> roots, int enough) {
        Map<ProvisioningState, List<String>> shortest = new EnumMap<>(ProvisioningState.class);
        Queue<Node> queue = new ArrayDeque<>(roots);
        Set<Object> seen = new HashSet<>();
        List<Happening> happenings = new ArrayList<>(Happenings.RECONCILES.subList(0, 2)); // success, failure
        Happenings.EDITS.stream().filter(e -> RELEVANT_EDITS.contains(e.name())).forEach(happenings::add);
        while (!queue.isEmpty() && seen.size() < 200_000) {
            Node node = queue.poll();
            shortest.putIfAbsent(node.host().state(), node.path());
            if (shortest.size() >= enough || node.path().size() > 10) {
                continue;
            }
            for (Happening h : happenings) {
                Node next = step(node, h);
                if (seen.add(List.of(key(next.host()), next.observation()))) {
                    queue.add(next);
                }
            }
        }
        return shortest;
    }

    private static Node step(Node node, Happening happening) {
        List<String> path = new ArrayList<>(node.path());
        path.add(happening.toString());
        return switch (happening) {
            case Edit e -> new Node(e.change().apply(node.host()), node.observation(), node.now(), path);
            case SecretChange s -> new Node(node.host(), s.observation(), node.now(), path);
            case Reconcile r -> {
                Simulation sim = new Simulation(node.host(), node.observation(), node.now());
                sim.reconcile(r.answer());
                yield new Node(sim.host(), node.observation(), sim.now(), path);
            }
        };
    }

    /** What matters for the future of a host: everything but timestamps. */
    private static Object key(Host host) {
        return host.withStatus(host.status().withLastUpdated(null).withPowerOffSince(null).withOperationHistory(OperationHistory.empty()));
    }

    @ParameterizedTest
    @EnumSource(value = ProvisioningState.class, mode = EnumSource.Mode.EXCLUDE, names = "MATCH_PROFILE")
    void everyStateIsReachableFromANewHost(ProvisioningState state) {
        assertThat(FROM_NEW_HOST).as("states reached: " + FROM_NEW_HOST.keySet()).containsKey(state);
        System.out.println(state.wireName() + ": " + String.join(" -> ", FROM_NEW_HOST.get(state)));
    }

    @ParameterizedTest
    @EnumSource(value = ProvisioningState.class, mode = EnumSource.Mode.EXCLUDE, names = {"NONE", "UNMANAGED", "MATCH_PROFILE"})
    void everyManagedStateIsReachableFromRegistering(ProvisioningState state) {
        assertThat(FROM_REGISTERING).as("states reached: " + FROM_REGISTERING.keySet()).containsKey(state);
    }

    @org.junit.jupiter.api.Test
    void registrationNeverLeadsBackToUnmanagedOrNone() {
        assertThat(FROM_REGISTERING).doesNotContainKeys(ProvisioningState.NONE, ProvisioningState.UNMANAGED);
    }
}
