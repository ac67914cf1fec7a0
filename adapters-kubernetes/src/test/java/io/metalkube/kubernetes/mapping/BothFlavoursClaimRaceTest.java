package io.metalkube.kubernetes.mapping;

import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's must-show: the seed's cluster.k8s.io Machines and OpenShift's machine.openshift.io Machines claiming hosts
 * from one pool, concurrently, with no double claim, over 60 seeds. Each seed builds a pool of hosts and Machines of
 * both flavours from their YAML (through the adapter's mappers, so the consumerRef each flavour writes is the one it
 * would write on a real host), many with the same name in both flavours; then four threads reconcile random Machines
 * with two claimers (the real MachineClaimer and claim rules, one per flavour, as bootstrap wires them) over one host
 * store with compare-and-set writes, while Machines are deleted and created. Statuses go through the flavour's wire
 * mapping and back. After every reconcile: no host is held by two Machines, no Machine holds two hosts, no status names
 * a host another Machine holds; at rest: every Machine without a host has no free matching host left.
 * Reproduce one seed: {@code -Dmetalkube.race.seed=N}.
 */
class BothFlavoursClaimRaceTest {

    static final int SEEDS = 60;
    static final int THREADS = 4;
    static final String NS = "pool";

    @Test
    void bothFlavoursClaimFromOnePoolWithoutADoubleClaim() throws Exception {
        String only = System.getProperty("metalkube.race.seed");
        List<Long> seeds = new ArrayList<>();
        if (only != null) {
            seeds.add(Long.parseLong(only));
        } else {
            for (long s = 1; s <= SEEDS; s++) {
                seeds.add(s);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long claims = 0;
            for (long seed : seeds) {
                Race race = new Race(seed, pool);
                race.run();
                claims += race.claimed;
            }
            assertThat(claims).as("the races claimed hosts at all").isGreaterThan(seeds.size());
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** One flavour: its store (statuses through its wire mapping) and its claimer. */
    private record Flavour(String name, InMemoryMachineStore machines, MachineClaimer claimer) {
    }

    private static final class Race {
        private final long seed;
        private final Random rnd;
        private final ExecutorService pool;
        private final InMemoryHostStore hosts = new InMemoryHostStore();
        private final Flavour seedFlavour;
        private final Flavour openShift;
        private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        private int nextName;
        long claimed;

        Race(long seed, ExecutorService pool) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.pool = pool;
            InMemoryMachineStore seedStore = new InMemoryMachineStore();
            InMemoryMachineStore openShiftStore = new InMemoryMachineStore();
            seedFlavour = new Flavour("cluster.k8s.io", seedStore, new MachineClaimer(new WireStatuses(seedStore, false), hosts, HostClaims.standard()));
            openShift = new Flavour("machine.openshift.io", openShiftStore,
                    new MachineClaimer(new WireStatuses(openShiftStore, true), hosts, HostClaims.standard()));
        }

        void run() throws Exception {
            int hostCount = 3 + rnd.nextInt(6);
            for (int i = 0; i < hostCount; i++) {
                addHost("h" + i, Map.of("pool", "a", "rack", "r" + (i % 3)));
            }
            if (rnd.nextBoolean()) {
                addHost("elsewhere", Map.of("pool", "b", "rack", "r0")); // matches no Machine: never claimed
            }
            int machineCount = hostCount - 2 + rnd.nextInt(6);
            for (int i = 0; i < machineCount; i++) {
                addMachine();
            }
            for (int round = 0; round < 6; round++) {
                concurrentRound(20 + rnd.nextInt(30));
                churn();
            }
            settle();
            checkAtRest();
            assertThat(violations).as("seed %d (-Dmetalkube.race.seed=%d)", seed, seed).isEmpty();
        }

        private void addHost(String name, Map<String, String> labels) {
            HostSpec spec = HostSpec.empty().withOnline(false);
            hosts.put(Host.newHost(new HostId(NS, name), labels, spec)
                    .withStatus(HostStatus.initial().withState(ProvisioningState.AVAILABLE).withPoweredOn(false)));
        }

        /**
         * A Machine from its YAML, flavours alternating so that every name is taken in both (w0 of the seed's and w0 of
         * OpenShift's are different Machines that must never share, or take, each other's host); random selector form.
         */
        private void addMachine() {
            boolean os = nextName % 2 == 1;
            String name = "w" + (nextName++ / 2);
            String selector = switch (rnd.nextInt(3)) {
                case 0 -> "{matchLabels: {pool: a}}";
                case 1 -> "{matchLabels: {pool: a}, matchExpressions: [{key: rack, operator: In, values: [r0, r1]}]}";
                default -> "{matchExpressions: [{key: pool, operator: NotIn, values: [b]}]}";
            };
            String image = "image: {url: \"http://images.example/os.qcow2\", checksum: \"http://images.example/os.qcow2.md5sum\"}";
            try {
                if (os) {
                    OpenShiftMachine m = Golden.YAML.readValue("""
                            apiVersion: machine.openshift.io/v1beta1
                            kind: Machine
                            metadata: {name: %s, namespace: %s}
                            spec: {providerSpec: {value: {apiVersion: baremetal.cluster.k8s.io/v1alpha1, kind: BareMetalMachineProviderSpec,
                                   hostSelector: %s, %s, userData: {name: worker-user-data}}}}
                            """.formatted(name, NS, selector, rnd.nextInt(3) == 0 // as OpenShift's installer writes workers
                            ? "customDeploy: {method: install_coreos}, image: {url: \"\", checksum: \"\"}" : image), OpenShiftMachine.class);
                    openShift.machines().put(OpenShiftMachineMapper.toView(m));
                } else {
                    String seedSelector = rnd.nextBoolean() ? "{pool: a}" : selector;
                    Machine m = Golden.YAML.readValue("""
                            apiVersion: cluster.k8s.io/v1alpha1
                            kind: Machine
                            metadata: {name: %s, namespace: %s}
                            spec: {providerConfig: {value: {kind: BareMetalProviderConfig, selector: %s, %s}}}
                            """.formatted(name, NS, seedSelector, image), Machine.class);
                    seedFlavour.machines().put(MachineMapper.toView(m));
                }
            } catch (Exception e) {
                throw new AssertionError("seed " + seed + ": test YAML", e);
            }
        }

        /** Reconciles of random Machines of both flavours on THREADS threads at once, started together. */
        private void concurrentRound(int reconcilesPerThread) throws Exception {
            List<MachineId> seeds = ids(seedFlavour);
            List<MachineId> openShifts = ids(openShift);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random local = new Random(seed * 31 + t + rnd.nextInt());
                runs.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < reconcilesPerThread; i++) {
                        boolean os = local.nextBoolean();
                        List<MachineId> ids = os ? openShifts : seeds;
                        if (ids.isEmpty()) {
                            continue;
                        }
                        (os ? openShift : seedFlavour).claimer().reconcile(ids.get(local.nextInt(ids.size())));
                        checkEveryStep();
                    }
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        /** A user deletes a Machine (its host is released) or creates one, between rounds. */
        private void churn() {
            if (rnd.nextInt(3) == 0) {
                Flavour f = rnd.nextBoolean() ? seedFlavour : openShift;
                List<MachineId> live = f.machines().all().stream().filter(m -> !m.deleting()).map(MachineView::id).sorted(
                        java.util.Comparator.comparing(MachineId::name)).toList();
                if (!live.isEmpty()) {
                    f.machines().delete(live.get(rnd.nextInt(live.size())));
                }
            } else if (rnd.nextBoolean()) {
                addMachine();
            }
        }

        /** Every Machine reconciled in turn until nothing changes (the race's losers retry and settle). */
        private void settle() {
            for (int round = 0; round < 10; round++) {
                for (Flavour f : List.of(seedFlavour, openShift)) {
                    for (MachineId id : ids(f)) {
                        f.claimer().reconcile(id);
                        checkEveryStep();
                    }
                }
            }
        }

        private static List<MachineId> ids(Flavour f) {
            return f.machines().all().stream().map(MachineView::id).sorted(java.util.Comparator.comparing(MachineId::name)).toList();
        }

        /** Safety, after every reconcile: one consumer per host and one host per Machine, across both flavours. */
        private void checkEveryStep() {
            List<Host> all = hosts.listAll();
            List<MachineView> machines = new ArrayList<>(seedFlavour.machines().all());
            machines.addAll(openShift.machines().all());
            Map<String, String> heldBy = new HashMap<>();
            for (Host h : all) {
                if (h.spec().consumerRef() == null) {
                    continue;
                }
                List<MachineView> owners = machines.stream().filter(m -> m.consumerRef().sameObjectAs(h.spec().consumerRef())).toList();
                if (owners.size() > 1) {
                    violations.add("host " + h.id() + " is held by " + owners.size() + " Machines: " + owners.stream().map(m -> m.consumerRef().apiVersion() + " " + m.id()).toList());
                }
                for (MachineView m : owners) {
                    String key = m.consumerRef().apiVersion() + " " + m.id();
                    String other = heldBy.put(key, h.id().name());
                    if (other != null) {
                        violations.add("Machine " + key + " holds two hosts: " + other + " and " + h.id().name());
                    }
                }
            }
        }

        /** At rest: statuses agree with the hosts, and a Machine without a host has no free matching host left. */
        private void checkAtRest() {
            List<MachineView> machines = new ArrayList<>(seedFlavour.machines().all());
            machines.addAll(openShift.machines().all());
            long free = hosts.listAll().stream().filter(h -> h.spec().consumerRef() == null && "a".equals(h.labels().get("pool"))
                    && !"r2".equals(h.labels().get("rack"))).count();
            assertThat(machines).as("seed %d: every deleted Machine was released and let go", seed).noneMatch(MachineView::deleting);
            for (MachineView m : machines) {
                Optional<Host> held = hosts.listAll().stream().filter(h -> m.consumerRef().sameObjectAs(h.spec().consumerRef())).findFirst();
                if (held.isEmpty() && !m.status().hostName().isEmpty()) {
                    violations.add("Machine " + m.consumerRef().apiVersion() + " " + m.id() + " holds no host but its status says \""
                            + m.status().hostName() + "\"");
                }
                if (held.isPresent()) {
                    claimed++;
                    if (!m.status().hostName().equals(held.get().id().name())) {
                        violations.add("Machine " + m.consumerRef().apiVersion() + " " + m.id() + " holds " + held.get().id().name()
                                + " but its status says \"" + m.status().hostName() + "\"");
                    }
                    if (!m.chosenHost().map(held.get().id()::equals).orElse(false)) {
                        violations.add("Machine " + m.id() + " holds " + held.get().id().name() + " without naming it in metal3.io/BareMetalHost");
                    }
                } else if (free > 0) {
                    violations.add("Machine " + m.consumerRef().apiVersion() + " " + m.id() + " has no host while " + free
                            + " matching hosts are free (status " + m.status() + ")");
                }
            }
            long consumed = hosts.listAll().stream().filter(h -> h.spec().consumerRef() != null).count();
            if (consumed != claimed) {
                violations.add(consumed + " hosts have a consumer, " + claimed + " Machines hold one: a host is held by a Machine that is gone");
            }
        }
    }

    /**
     * The flavour's store with statuses written as its wire status and read back through the adapter mapping, as the
     * Kubernetes store would write and the informer would read them (OpenShift: phase, errorReason and the host's name
     * from the metal3.io/BareMetalHost annotation).
     */
    private record WireStatuses(InMemoryMachineStore delegate, boolean openShift) implements MachineStore {

        @Override
        public Optional<MachineView> find(MachineId id) {
            return delegate.find(id);
        }

        @Override
        public MachineView recordChosenHost(MachineView machine, HostId host) {
            return delegate.recordChosenHost(machine, host);
        }

        @Override
        public void writeStatus(MachineView machine, MachineStatus status) {
            MachineStatus read = openShift
                    ? OpenShiftMachineMapper.status(OpenShiftMachineMapper.toWire(status, null),
                    delegate.find(machine.id()).flatMap(MachineView::chosenHost))
                    : MachineMapper.status(MachineMapper.toWire(status, null));
            delegate.writeStatus(machine, read);
        }

        @Override
        public void publish(MachineView machine, HostEvent event) {
            delegate.publish(machine, event);
        }

        @Override
        public void releaseComplete(MachineView machine) {
            delegate.releaseComplete(machine);
        }
    }
}
