package io.metalkube.kubernetes.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.ApiServerMetrics;
import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.RealApiServer;
import io.metalkube.kubernetes.testing.TestApiServer;
import io.metalkube.kubernetes.testing.TransitionLog;

import static io.metalkube.kubernetes.bench.BenchSupport.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scale benchmark (a main class, not a test) of the Kubernetes adapter: a real API server (kube-lite, its own process;
 * {@code -Dbench.server=mock} for the demo's embedded CRUD mock in this JVM), the real KubernetesOperator and
 * KubernetesPorts, the application's services and the zero-delay fixture back-end, wired as bootstrap wires them, in
 * this JVM (run it with -Xmx256m: the heap is the operator's). N hosts enrolled to available, idle polls, a raw
 * fabric8 writer on the same server, then M Machines claimed (a few one at a time, the rest in one burst). Requests are
 * counted per client (ApiRequestCounter) and, on kube-lite, by the server. Double claims are checked on every claim
 * committed on the way and on the API server's objects at the end: the run exits 1 if any host ever had two consumers
 * or any Machine two hosts. Prints a table and the command; figures go to docs/benchmarks-kubernetes.md.
 * Usage: {@code KubernetesScaleBench <hosts> <machines> [provisioningLimit]}; -Dmetalkube.kubernetes.directReads=true
 * measures the stores reading the API server instead of the informer caches (the "before").
 */
public final class KubernetesScaleBench {

    static final String NS = "bench";
    static final String RAW_NS = "raw";
    static final int SEQUENTIAL_CLAIMS = 50;
    /** What docs/benchmarks-kubernetes.md claims for enrolment (issue 12's goal): the run fails above it. */
    static final double MAX_WRITES_PER_STATE_CHANGE = 2.0;

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int machines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : hosts;
        // one INFO line per transition and claim would cost the operator CPU the benchmark should measure (the
        // transitions are counted, not printed: TransitionLog)
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("io.metalkube").setLevel(java.util.logging.Level.WARNING);
        KubernetesScaleBench bench = new KubernetesScaleBench();
        try (TransitionLog transitions = TransitionLog.attach()) {
            bench.transitions = transitions;
            bench.run(hosts, Math.min(machines, hosts), limit);
        } catch (IllegalStateException e) {
            bench.row("STOP", e.getMessage(), "");
            bench.print(hosts, machines, limit);
            System.exit(2);
        }
        if (bench.failure != null) {
            System.out.println("FAILED: " + bench.failure);
        }
        System.exit(bench.claims.violations().isEmpty() && bench.failure == null ? 0 : 1);
    }

    private TransitionLog transitions;
    private String failure;

    private final List<String[]> rows = new ArrayList<>();
    final BenchProbes.ClaimLedger claims = new BenchProbes.ClaimLedger();
    private final boolean real = !"mock".equals(System.getProperty("bench.server", "kube-lite"));
    private KubeLite kubeLite;

    void run(int hostCount, int machineCount, int limit) throws Exception {
        BenchProbes.HeapSampler heap = new BenchProbes.HeapSampler();
        long t0 = System.nanoTime();
        try (TestApiServer api = server()) {
            ApiRequestCounter op = new ApiRequestCounter();
            ApiRequestCounter raw = new ApiRequestCounter();
            KubernetesSettings settings = KubernetesSettings.defaults().withOperatorName("bench")
                    .withNamespaces(Set.of(NS)).withApiRequestsPerSecond(100_000).withServerSideApply(real);
            if (real) {
                api.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(NS)
                        .endMetadata().build()).create();
                api.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(RAW_NS)
                        .endMetadata().build()).create();
            }
            KubernetesClient opClient = api.client(settings, op);
            KubernetesClient rawClient = api.client(settings, raw);
            Clock clock = Clock.systemUTC();
            FixtureBackend backend = new FixtureBackend(clock, FixtureTimings.instant());
            KubernetesPorts ports = new KubernetesPorts(opClient, settings, clock);
            BenchProbes.ObservedHostStore store = new BenchProbes.ObservedHostStore(ports.hosts(), claims);
            HostReconciler reconciler = new HostReconciler(store, ports.credentials(), new StateCountingCapacity(store, limit, clock),
                    new OperationRunner(backend.asBackend()), ports.events(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
            LongAdder reconciles = new LongAdder();
            ReconcileHostUseCase counted = id -> {
                reconciles.increment();
                return reconciler.reconcile(id);
            };
            MachineClaimer claimer = new MachineClaimer(ports.machines(), store, HostClaims.standard());
            try (KubernetesOperator operator = new KubernetesOperator(opClient, settings, counted, claimer)) {
                operator.start();
                row("setup", "operator started on " + (real ? "kube-lite (pid " + kubeLite.pid() + ")" : "the embedded CRUD mock"),
                        secs(System.nanoTime() - t0));
                ApiServerMetrics serverBefore = real ? ApiServerMetrics.of(rawClient) : null;
                enrol(rawClient, op, raw, backend, store, hostCount);
                idlePolls(op, backend, reconciles, counted, hostCount);
                rawReplay(rawClient, raw, store, Math.min(hostCount, 1_000));
                claims(rawClient, op, store, claimer, machineCount);
                claimsOnTheServer(rawClient, machineCount);
                if (real) {
                    ApiServerMetrics d = ApiServerMetrics.of(rawClient).minus(serverBefore);
                    row("server", "requests kube-lite served (all clients): writes / reads", String.format("%.0f / %.0f",
                            d.requests().entrySet().stream().filter(e -> e.getKey().split(" ").length == 2 && !e.getKey().startsWith("GET")
                                    && !e.getKey().startsWith("LIST")).mapToDouble(Map.Entry::getValue).sum(),
                            d.requests().entrySet().stream().filter(e -> e.getKey().split(" ").length == 2 && (e.getKey().startsWith("GET")
                                    || e.getKey().startsWith("LIST"))).mapToDouble(Map.Entry::getValue).sum()));
                    row("server", "mean server time of a status PATCH", String.format("%.1f ms", d.meanMillis("PATCH baremetalhosts/status")));
                }
            }
            row("heap", real ? "live after the run (operator and bench clients)" : "live after the run (mock server's objects included)",
                    BenchProbes.mib(BenchProbes.liveHeap()));
        } finally {
            if (kubeLite != null) {
                row("rss", "kube-lite peak RSS (VmHWM)", BenchProbes.rss(kubeLite.pid()));
                kubeLite.close();
            }
        }
        heap.stop();
        row("heap", "high-water mark, sampled every 20 ms", BenchProbes.mib(heap.maxSampled()));
        BenchProbes.heapPoolPeaks().forEach((pool, peak) -> row("heap", "peak of pool " + pool, BenchProbes.mib(peak)));
        row("heap", "-Xmx (Runtime.maxMemory)", BenchProbes.mib(Runtime.getRuntime().maxMemory()));
        row("rss", "this JVM (operator + bench clients) peak RSS (VmHWM)", BenchProbes.rss(ProcessHandle.current().pid()));
        row("claims", "double claims seen on the way (a host with two consumers, a Machine with two hosts)",
                claims.violations().isEmpty() ? "0" : claims.violations().size() + ": " + claims.violations().subList(0, Math.min(5, claims.violations().size())));
        row("total", "wall time", secs(System.nanoTime() - t0));
        print(hostCount, machineCount, limit);
    }

    private void enrol(KubernetesClient rawClient, ApiRequestCounter op, ApiRequestCounter raw, FixtureBackend backend,
                       BenchProbes.ObservedHostStore store, int n) throws Exception {
        var opBefore = op.snapshot();
        var rawBefore = raw.snapshot();
        long transitionsBefore = transitions.total();
        long start = System.nanoTime();
        Thread progress = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(30_000);
                    System.out.printf("       ... %s: %d of %d available, %d API objects written by the plain client%n",
                            secs(System.nanoTime() - start), store.count(ProvisioningState.AVAILABLE), n, raw.snapshot().writes());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        parallel(n, i -> {
            String name = "host-" + i;
            rawClient.secrets().inNamespace(NS).resource(new SecretBuilder()
                    .withMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name + "-bmc")
                            .withLabels(Map.of("environment.metal3.io", "baremetal")).build())
                    .withData(Map.of("username", b64("admin"), "password", b64("pw-" + i))).build()).create();
            rawClient.resources(BareMetalHost.class).inNamespace(NS).resource(host(NS, name, i)).create();
        });
        long created = System.nanoTime();
        boolean done = await(() -> store.count(ProvisioningState.AVAILABLE) >= n);
        if (!done) {
            throw new IllegalStateException("enrolment did not finish within " + PHASE_TIMEOUT.toMinutes() + " min: "
                    + store.count(ProvisioningState.AVAILABLE) + " of " + n + " available");
        }
        long end = System.nanoTime();
        progress.interrupt();
        awaitQuiet(op); // Events are sent in the background: count the ones still on their way too
        var opDone = op.snapshot().minus(opBefore);
        long changes = transitions.total() - transitionsBefore;
        row("enrol", n + " hosts created (Secret + BareMetalHost, 4 threads)", secs(created - start));
        row("enrol", done ? "all available" : "NOT all available after " + PHASE_TIMEOUT.toMinutes() + " min: "
                + store.count(ProvisioningState.AVAILABLE) + " of " + n, secs(end - start));
        row("enrol", "state changes", changes + " (" + String.format("%.1f", changes / (double) n) + " per host)");
        row("enrol", "operator API writes", opDone.writes() + " = " + String.format("%.2f", opDone.writes() / (double) changes)
                + " per state change");
        row("enrol", "operator API reads (GET, not watches)", opDone.reads() + " = " + String.format("%.2f", opDone.reads() / (double) changes)
                + " per state change");
        opDone.detail().forEach((k, v) -> row("enrol", "  operator " + k, String.valueOf(v)));
        double perChange = opDone.writes() / (double) changes;
        if (!(perChange <= MAX_WRITES_PER_STATE_CHANGE)) {
            failure = String.format("%.2f operator API writes per state change during enrolment; the docs claim at most %.1f",
                    perChange, MAX_WRITES_PER_STATE_CHANGE);
            row("FAIL", failure, "");
        }
        row("enrol", "creation writes by the plain client", String.valueOf(raw.snapshot().minus(rawBefore).writes()));
        row("enrol", "back-end calls", String.valueOf(backendCalls(backend)));
        enrolSeconds = (end - start) / 1e9;
        enrolChanges = changes;
        enrolWrites = opDone.writes();
    }

    private double enrolSeconds;
    private long enrolChanges;
    private long enrolWrites;

    /** Every host polled once through the use case the controller calls (plus any poll JOSDK schedules meanwhile). */
    private void idlePolls(ApiRequestCounter op, FixtureBackend backend, LongAdder reconciles, ReconcileHostUseCase counted, int n)
            throws Exception {
        var before = op.snapshot();
        long backendBefore = backendCalls(backend);
        long polls = reconciles.sum();
        long start = System.nanoTime();
        parallel(n, i -> counted.reconcile(new HostId(NS, "host-" + i)));
        long end = System.nanoTime();
        long done = reconciles.sum() - polls;
        var d = op.snapshot().minus(before);
        long backendReads = backendCalls(backend) - backendBefore;
        row("idle", done + " polls of available hosts", secs(end - start) + " (" + String.format("%.0f µs", (end - start) / 1e3 / done * 4) + " per poll per thread)");
        row("idle", "API writes per idle host per poll", String.format("%.3f", d.writes() / (double) done));
        row("idle", "API reads per idle host per poll", String.format("%.3f", d.reads() / (double) done) + "  " + d.detail());
        row("idle", "back-end calls per idle host per poll", String.format("%.3f", backendReads / (double) done));
    }

    /** The raw fabric8 cost of the same status writes: plain updateStatus on unwatched copies, 20 threads. */
    private void rawReplay(KubernetesClient rawClient, ApiRequestCounter raw, BenchProbes.ObservedHostStore store, int n) throws Exception {
        BareMetalHost sample = rawClient.resources(BareMetalHost.class).inNamespace(NS).withName("host-0").get();
        int perHost = (int) Math.max(1, Math.round(enrolChanges / (double) store.states.size()));
        parallel(n, i -> rawClient.resources(BareMetalHost.class).inNamespace(RAW_NS).resource(host(RAW_NS, "raw-" + i, i)).create());
        var before = raw.snapshot();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        for (int i = 0; i < n; i++) {
            String name = "raw-" + i;
            pool.submit(() -> {
                for (int w = 0; w < perHost; w++) {
                    BareMetalHost h = new BareMetalHost();
                    h.setMetadata(new ObjectMetaBuilder().withNamespace(RAW_NS).withName(name).build());
                    h.setStatus(sample.getStatus());
                    rawClient.resources(BareMetalHost.class).inNamespace(RAW_NS).resource(h).updateStatus();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(PHASE_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        long end = System.nanoTime();
        long writes = raw.snapshot().minus(before).writes();
        double rawMsPerWrite = (end - start) / 1e6 / writes;
        double opMsPerChange = enrolSeconds * 1e3 / enrolChanges;
        row("raw", writes + " plain updateStatus calls (" + perHost + " per host, 20 threads)", secs(end - start)
                + String.format(" = %.3f ms per write", rawMsPerWrite));
        row("ratio", "operator writes per state change / plain writes per state change (1)", String.format("%.2f", enrolWrites / (double) enrolChanges));
        row("ratio", "operator wall per state change / plain wall per write", String.format("%.3f ms / %.3f ms = %.1f",
                opMsPerChange, rawMsPerWrite, opMsPerChange / rawMsPerWrite));
    }

    private void claims(KubernetesClient rawClient, ApiRequestCounter op, BenchProbes.ObservedHostStore store, MachineClaimer claimer,
                        int m) throws Exception {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        var before = op.snapshot();
        long conflictsBefore = claimer.conflicts();
        int sequential = Math.min(SEQUENTIAL_CLAIMS, m);
        List<Long> one = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            String name = "machine-" + i;
            createdAt.put(name, System.nanoTime());
            rawClient.resources(Machine.class).inNamespace(NS).resource(machine(NS, name)).create();
            await(() -> store.claimedAtNanos.containsKey(name));
            one.add(store.claimedAtNanos.getOrDefault(name, System.nanoTime()) - createdAt.get(name));
        }
        long[] seq = BenchProbes.sorted(one);
        row("claim", sequential + " Machines one at a time: claim latency p50 / p99",
                String.format("%.1f ms / %.1f ms", BenchProbes.percentile(seq, 50), BenchProbes.percentile(seq, 99)));
        long start = System.nanoTime();
        parallel(m - sequential, i -> {
            String name = "machine-" + (sequential + i);
            createdAt.put(name, System.nanoTime());
            rawClient.resources(Machine.class).inNamespace(NS).resource(machine(NS, name)).create();
        });
        boolean done = await(() -> store.claimedAtNanos.size() >= m);
        long end = System.nanoTime();
        List<Long> burst = new ArrayList<>();
        for (int i = sequential; i < m; i++) {
            Long at = store.claimedAtNanos.get("machine-" + i);
            if (at != null) {
                burst.add(at - createdAt.get("machine-" + i));
            }
        }
        long[] b = BenchProbes.sorted(burst);
        row("claim", (m - sequential) + " Machines in one burst: " + (done ? "all claimed" : "NOT all claimed: " + burst.size()),
                secs(end - start));
        row("claim", "burst claim latency p50 / p99", String.format("%.1f ms / %.1f ms", BenchProbes.percentile(b, 50), BenchProbes.percentile(b, 99)));
        var d = op.snapshot().minus(before);
        row("claim", "claim conflicts retried (409 / stale read)", String.valueOf(claimer.conflicts() - conflictsBefore));
        row("claim", "operator API writes / reads during claims", d.writes() + " / " + d.reads());
    }

    /** kube-lite (a new one, its own process) or the embedded CRUD mock (-Dbench.server=mock). */
    private TestApiServer server() {
        if (!real) {
            return ApiServerBinding.CRUD_MOCK.open();
        }
        kubeLite = KubeLite.start();
        RealApiServer api = new RealApiServer(kubeLite.kubeconfigYaml());
        RealApiServer.installCrds(api.client());
        return api;
    }

    /** The end state on the API server: every Machine has at most one host, every host names at most one Machine. */
    private void claimsOnTheServer(KubernetesClient client, int m) {
        Map<String, String> consumerByHost = new java.util.HashMap<>();
        // in pages, as kubectl lists: one answer with 10,000 whole hosts would take the operator's heap in this JVM
        String next = null;
        do {
            var page = client.resources(BareMetalHost.class).inNamespace(NS)
                    .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(500L).withContinue(next).build());
            for (BareMetalHost h : page.getItems()) {
                if (h.getSpec().consumerRef != null) {
                    consumerByHost.put(h.getMetadata().getName(), h.getSpec().consumerRef.name);
                }
            }
            next = page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        Map<String, String> hostNameByMachine = new java.util.HashMap<>();
        for (Machine machine : client.resources(Machine.class).inNamespace(NS).list().getItems()) {
            if (machine.getStatus() != null && machine.getStatus().hostName != null) {
                hostNameByMachine.put(machine.getMetadata().getName(), machine.getStatus().hostName);
            }
        }
        claims.endState(consumerByHost, hostNameByMachine);
        row("claims", "on the API server at the end: Machines with a host / hosts with a consumer",
                Set.copyOf(consumerByHost.values()).size() + " / " + consumerByHost.size() + " (of " + m + " Machines)");
    }

    private void row(String phase, String what, String value) {
        rows.add(new String[] {phase, what, value});
        System.out.printf("%-6s %-70s %s%n", phase, what, value);
    }

    private void print(int hosts, int machines, int limit) {
        System.out.printf("%n| phase | measure | value |%n| --- | --- | --- |%n");
        for (String[] r : rows) {
            System.out.printf("| %s | %s | %s |%n", r[0], r[1].strip(), r[2]);
        }
        System.out.printf("%nhosts=%d machines=%d provisioningLimit=%d directReads=%s cores=%d java=%s%n", hosts, machines, limit,
                Boolean.getBoolean("metalkube.kubernetes.directReads"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("server=%s load average %.2f (1 min)%n", real ? "kube-lite" : "mock",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<String> opts = new ArrayList<>();
        if (Runtime.getRuntime().maxMemory() >> 20 != 256) {
            opts.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        }
        if (!real) {
            opts.add("-Dbench.server=mock");
        }
        if (Boolean.getBoolean("metalkube.kubernetes.directReads")) {
            opts.add("-Dmetalkube.kubernetes.directReads=true");
        }
        System.out.println("reproduce: " + (opts.isEmpty() ? "" : "BENCH_JAVA_OPTS='" + String.join(" ", opts) + "' ")
                + "bin/bench kube-scale " + hosts + " " + machines + " " + limit);
        if (!claims.violations().isEmpty()) {
            System.out.println("FAIL: double claims: " + claims.violations());
        }
    }
}
