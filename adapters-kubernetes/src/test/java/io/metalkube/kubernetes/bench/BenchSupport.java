package io.metalkube.kubernetes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** What the Kubernetes benchmarks share: the objects they create, waiting, and running work on 4 threads. */
public final class BenchSupport {

    /** How long one phase may take before the run gives up (exit 2): {@code -Dbench.phaseTimeoutMinutes}, default 20. */
    static final Duration PHASE_TIMEOUT = Duration.ofMinutes(Long.getLong("bench.phaseTimeoutMinutes", 20));

    private BenchSupport() {
    }

    /** Host {@code i} of a bench site: labelled {@code pool: bench}, an IPMI address and boot MAC of its own, off. */
    static BareMetalHost host(String ns, String name, int i) {
        BareMetalHost h = new BareMetalHost();
        h.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).withLabels(Map.of("pool", "bench")).build());
        BareMetalHostSpec spec = new BareMetalHostSpec();
        spec.bmc = new BareMetalHostSpec.Bmc();
        spec.bmc.address = "ipmi://10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        spec.bmc.credentialsName = name + "-bmc";
        spec.bootMACAddress = String.format("52:54:00:%02x:%02x:%02x", i >> 16 & 255, i >> 8 & 255, i & 255);
        spec.online = false;
        h.setSpec(spec);
        return h;
    }

    /** A seed-style Machine selecting the bench's hosts ({@code pool: bench}) and naming an image. */
    static Machine machine(String ns, String name) {
        Machine m = new Machine();
        m.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        MachineSpec spec = new MachineSpec();
        spec.providerSpec = new MachineSpec.ProviderValue();
        try {
            spec.providerSpec.value = new ObjectMapper().readTree("""
                    {"apiVersion": "baremetal.cluster.k8s.io/v1alpha1", "kind": "BareMetalMachineProviderSpec",
                     "hostSelector": {"matchLabels": {"pool": "bench"}},
                     "image": {"url": "http://images.example/worker.qcow2", "checksum": "abc"}}
                    """);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the benchmark's provider spec does not parse", e);
        }
        m.setSpec(spec);
        return m;
    }

    static long backendCalls(FixtureBackend backend) {
        long sum = 0;
        for (String k : List.of("register", "inspect", "provision", "deprovision", "readpower", "poweron", "poweroff", "delete", "detach")) {
            sum += backend.calls(k);
        }
        return sum;
    }

    static void parallel(int n, IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> body.accept(k)));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Until the operator's client has been silent for two seconds. */
    public static void awaitQuiet(ApiRequestCounter op) throws InterruptedException {
        long last = -1;
        while (true) {
            var c = op.snapshot();
            long total = c.reads() + c.writes();
            if (total == last) {
                return;
            }
            last = total;
            Thread.sleep(2_000);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String secs(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
