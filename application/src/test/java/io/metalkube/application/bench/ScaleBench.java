package io.metalkube.application.bench;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.MutableClock;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.StateChangeEvents;
import io.metalkube.domain.lifecycle.LifecycleTimings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Scale benchmark (a main class, not a test): N hosts enrolled to available, idle polls, M Machines claimed and
 * provisioned, on the real services over the in-memory stores and the zero-delay fixture back-end, driven by a
 * single-threaded work queue with watch-like triggers and a hand-moved clock. Prints the figures and the command.
 * Usage: {@code ScaleBench <hosts> <machines> [provisioningLimit]}; see docs/benchmarks-core.md.
 */
public final class ScaleBench {

    private static final String NS = "dc1";
    private static final List<String> BACKEND_KINDS = List.of("register", "inspect", "provision", "deprovision", "readpower",
            "poweron", "poweroff", "delete", "detach");

    private record Timed(Instant at, long seq, Object key) {
    }

    private final int hostCount;
    private final int machineCount;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryHostStore store = new InMemoryHostStore();
    private final CountingHostStore hosts = new CountingHostStore(store);
    private final InMemoryMachineStore machines = new InMemoryMachineStore();
    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private final FixtureBackend backend = new FixtureBackend(clock, FixtureTimings.instant());
    private final HostReconciler reconciler;
    private final MachineClaimer claimer;
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final Set<Object> queued = new HashSet<>();
    private final Map<Object, Instant> scheduled = new java.util.HashMap<>();
    private final PriorityQueue<Timed> later = new PriorityQueue<>((a, b) -> a.at().equals(b.at()) ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
    private static final Duration GOAL_CHECK = Duration.ofSeconds(5);
    private Instant nextGoalCheck = Instant.MIN;
    private long seq;
    private long reconciles;
    private long events;
    private final Map<String, Long> eventReasons = new java.util.TreeMap<>();
    /** State changes, as the events report them (each change is in one event: StateChangeEvents). */
    private long stateChanges;

    private ScaleBench(int hostCount, int machineCount, int provisioningLimit) {
        this.hostCount = hostCount;
        this.machineCount = machineCount;
        reconciler = new HostReconciler(hosts, credentials, new StateCountingCapacity(hosts, provisioningLimit, clock),
                new OperationRunner(backend.asBackend()), (host, event) -> {
                    events++;
                    stateChanges += StateChangeEvents.changesReported(event);
                    eventReasons.merge(event.reason(), 1L, Long::sum);
                }, new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        claimer = new MachineClaimer(machines, hosts, HostClaims.standard());
    }

    public static void main(String[] args) {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int machineCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Quiet.logs();
        HeapMeter heap = new HeapMeter();
        HeapMeter.liveBytesAfterGc();
        heap.reset();
        new ScaleBench(hostCount, machineCount, limit).run(heap, limit);
        System.out.println("reproduce: bin/bench core-scale " + hostCount + " " + machineCount + " " + limit
                + "   (heap limit here: " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }

    private void run(HeapMeter heap, int limit) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"hosts / Machines / provisioning limit", hostCount + " / " + machineCount + " / " + limit});

        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        for (int i = 0; i < hostCount; i++) {
            String name = String.format("host-%05d", i);
            credentials.put(NS, name + "-bmc", "admin", "pw-" + i);
            String address = "ipmi://10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            Host h = store.put(Host.newHost(new HostId(NS, name), Map.of("pool", "a"), HostSpec.empty().withBmc(new BmcDetails(address, name + "-bmc", false))));
            enqueue(h.id());
        }
        drive(() -> store.listAll().stream().allMatch(h -> h.state() == ProvisioningState.AVAILABLE && h.status().poweredOn() != null));
        long enrolNanos = System.nanoTime() - t0;
        long enrolCpu = cpuNanos() - cpu0;
        Duration enrolClock = Duration.between(Instant.parse("2026-11-23T10:00:00Z"), clock.instant());
        rows.add(new String[]{"enrol to available: wall time", ms(enrolNanos) + ", CPU " + ms(enrolCpu) + " (simulated clock " + enrolClock.toMinutes() + " min)"});
        rows.add(new String[]{"enrol: reconciles", reconciles + " (" + String.format("%.1f", reconciles / (double) hostCount) + " per host)"});
        long changes = stateChanges;
        rows.add(new String[]{"enrol: store writes / state changes", hosts.writes + " / " + changes + " = "
                + String.format("%.2f", hosts.writes / (double) changes) + " writes per state change"});

        rows.addAll(idlePolls("available"));

        long writesBefore = hosts.writes;
        long changesBefore = stateChanges;
        long[] claimNanos = new long[machineCount];
        long t1 = System.nanoTime();
        long cpu1 = cpuNanos();
        for (int i = 0; i < machineCount; i++) {
            MachineView m = addMachine("machine-" + i);
            long s = System.nanoTime();
            claimer.reconcile(m.id());
            claimNanos[i] = System.nanoTime() - s;
            machines.find(m.id()).flatMap(MachineView::chosenHost).ifPresent(this::enqueue);
            enqueue(m.id());
        }
        drive(() -> machines.all().stream().allMatch(m -> "Provisioned".equals(m.status().phase())));
        long claimWall = System.nanoTime() - t1;
        long claimCpu = cpuNanos() - cpu1;
        Arrays.sort(claimNanos);
        rows.add(new String[]{"claim: latency of the claiming reconcile, p50 / p99 / max",
                us(claimNanos[machineCount / 2]) + " / " + us(claimNanos[(int) (machineCount * 0.99)]) + " / " + us(claimNanos[machineCount - 1])});
        rows.add(new String[]{"claim + provision " + machineCount + " Machines: wall time", ms(claimWall) + ", CPU " + ms(claimCpu)});
        rows.add(new String[]{"claim + provision: store writes / host state changes", (hosts.writes - writesBefore) + " / " + (stateChanges - changesBefore)});

        rows.addAll(idlePolls("provisioned + available"));

        long peak = heap.peakBytes();
        long live = HeapMeter.liveBytesAfterGc();
        rows.add(new String[]{"heap high-water mark (sum of heap pool peaks)", mib(peak)});
        rows.add(new String[]{"heap live after the run (after System.gc)", mib(live)});
        rows.add(new String[]{"max heap (-Xmx)", mib(Runtime.getRuntime().maxMemory())});
        rows.add(new String[]{"reconciles in total (hosts + Machines)", Long.toString(reconciles)});
        rows.add(new String[]{"host events published", events + " " + eventReasons});
        print(rows);
        // what the docs claim: the goals of issue 6 on the fakes (the heap bound is -Xmx itself: an overflow ends the run)
        long claimP50 = claimNanos[machineCount / 2];
        if (claimP50 > 100_000_000L) {
            throw new AssertionError("claim p50 " + us(claimP50) + " is above the goal of 100 ms");
        }
    }

    /** Three steady-state polls of every host, 75 s apart (the 60 s poll plus its jitter): writes and back-end calls. */
    private List<String[]> idlePolls(String which) {
        long writes = hosts.writes;
        long calls = backendCalls();
        long lists = hosts.lists;
        int rounds = 3;
        long[] nanos = new long[hostCount * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            clock.advance(Duration.ofSeconds(75));
            for (Host h : store.listAll()) {
                long s = System.nanoTime();
                reconciler.reconcile(h.id());
                nanos[n++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(nanos);
        double polls = hostCount * (double) rounds;
        if (hosts.writes != writes || backendCalls() - calls > polls) {
            throw new AssertionError("idle poll (" + which + "): " + (hosts.writes - writes) + " store writes and " + (backendCalls() - calls)
                    + " back-end calls for " + (long) polls + " polls; the goals are 0 writes and at most 1 call per host per poll");
        }
        return List.of(
                new String[]{"idle poll (" + which + "): store writes per host per poll", String.format("%.3f", (hosts.writes - writes) / polls)},
                new String[]{"idle poll (" + which + "): back-end calls per host per poll", String.format("%.3f", (backendCalls() - calls) / polls)},
                new String[]{"idle poll (" + which + "): host lists per host per poll", String.format("%.3f", (hosts.lists - lists) / polls)},
                new String[]{"idle poll (" + which + "): reconcile p50 / p99", us(nanos[nanos.length / 2]) + " / " + us(nanos[(int) (nanos.length * 0.99)])});
    }

    private long backendCalls() {
        return BACKEND_KINDS.stream().mapToLong(backend::calls).sum();
    }

    private MachineView addMachine(String name) {
        ConsumerRef ref = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", NS, name);
        ClaimRequest request = new ClaimRequest(ref, NS, LabelSelector.ofLabels(Map.of("pool", "a")), Image.of("http://images.example/os.qcow2", "abc123"), null);
        return machines.put(new MachineView(new MachineId(NS, name), "", ref, Optional.empty(), new ProviderConfig.Valid(request), false, null));
    }

    private void enqueue(Object key) {
        if (queued.add(key)) {
            ready.add(key);
        }
    }

    /** The work queue: run what is ready; when nothing is, check the goal, then jump the clock to the next requeue. */
    private void drive(BooleanSupplier done) {
        while (true) {
            while (!ready.isEmpty()) {
                Object key = ready.poll();
                queued.remove(key);
                reconciles++;
                String before = related(key).map(Host::revision).orElse("");
                ReconcileResult r = key instanceof HostId id ? reconciler.reconcile(id) : claimer.reconcile((MachineId) key);
                watch(key, before);
                if (!r.gone()) {
                    Duration d = r.requeue().orElse(Duration.ofMinutes(10));
                    if (d.isZero()) {
                        enqueue(key);
                    } else {
                        schedule(key, clock.instant().plus(d));
                    }
                }
            }
            if (!clock.instant().isBefore(nextGoalCheck) || later.isEmpty()) {
                nextGoalCheck = clock.instant().plus(GOAL_CHECK); // the goal scans every object: not after every step
                if (done.getAsBoolean()) {
                    return;
                }
            }
            Timed next = nextLive();
            if (next == null) {
                throw new IllegalStateException("nothing left to do but the goal is not reached");
            }
            if (next.at().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at()));
            }
            enqueue(next.key());
            for (Timed t = nextLive(); t != null; t = nextLive()) {
                if (t.at().isAfter(clock.instant())) {
                    later.add(t);
                    scheduled.put(t.key(), t.at());
                    break;
                }
                enqueue(t.key());
            }
        }
    }

    /** Like a work queue's AddAfter: one pending time per key, the earliest wins. */
    private void schedule(Object key, Instant at) {
        Instant pending = scheduled.get(key);
        if (pending == null || at.isBefore(pending)) {
            scheduled.put(key, at);
            later.add(new Timed(at, seq++, key));
        }
    }

    /** The earliest scheduled entry that is still current (superseded entries are skipped), removed from the queue. */
    private Timed nextLive() {
        while (!later.isEmpty()) {
            Timed t = later.poll();
            if (t.at().equals(scheduled.get(t.key()))) {
                scheduled.remove(t.key());
                return t;
            }
        }
        return null;
    }

    /** Watch triggers, on change only (as an informer would): a changed host wakes its consumer Machine, a changed host spec wakes the host. */
    private void watch(Object key, String hostRevisionBefore) {
        Optional<Host> host = related(key);
        if (host.isEmpty() || host.get().revision().equals(hostRevisionBefore)) {
            return;
        }
        if (key instanceof HostId) {
            var ref = host.get().spec().consumerRef();
            if (ref != null) {
                enqueue(new MachineId(ref.namespace(), ref.name()));
            }
        } else {
            enqueue(host.get().id());
        }
    }

    /** The host a key is about: the host itself, or the Machine's chosen host. */
    private Optional<Host> related(Object key) {
        if (key instanceof HostId id) {
            return store.find(id);
        }
        return machines.find((MachineId) key).flatMap(MachineView::chosenHost).flatMap(store::find);
    }

    private static void print(List<String[]> rows) {
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("| --- | --- |");
        for (String[] r : rows) {
            System.out.println("| " + r[0] + " | " + r[1] + " |");
        }
    }

    /** CPU time of this process (all threads, GC included); wall time on a shared machine says less. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String ms(long nanos) {
        return String.format("%,.0f ms", nanos / 1e6);
    }

    private static String us(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.2f ms", nanos / 1e6) : String.format("%.0f µs", nanos / 1e3);
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
