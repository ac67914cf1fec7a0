package io.metalkube.kubernetes.bench;

import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Effect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the scale benchmark observes without adding a cache of its own: state changes, claims, heap. */
final class BenchProbes {

    private BenchProbes() {
    }

    /**
     * The host store the services use, wrapped: keeps each host's state (a small map, not a copy of the host), and
     * notes when each Machine's claim was committed. State changes are counted from the log ({@code TransitionLog}):
     * one status write may store several.
     */
    static final class ObservedHostStore implements HostStore {
        final HostStore delegate;
        final Map<HostId, ProvisioningState> states = new ConcurrentHashMap<>();
        final Map<String, Long> claimedAtNanos = new ConcurrentHashMap<>();
        final ClaimLedger ledger;

        ObservedHostStore(HostStore delegate, ClaimLedger ledger) {
            this.delegate = delegate;
            this.ledger = ledger;
        }

        long count(ProvisioningState s) {
            return states.values().stream().filter(s::equals).count();
        }

        @Override
        public Optional<Host> find(HostId id) {
            return delegate.find(id);
        }

        @Override
        public List<Host> list(String namespace) {
            return delegate.list(namespace);
        }

        @Override
        public List<Host> listAll() {
            return delegate.listAll();
        }

        @Override
        public Host holdForCleanup(Host host) {
            return delegate.holdForCleanup(host);
        }

        @Override
        public Host writeStatus(Host current, HostStatus status) {
            Host written = delegate.writeStatus(current, status);
            states.put(written.id(), written.state());
            return written;
        }

        @Override
        public Host compareAndSetSpec(Host expected, HostSpec spec) {
            Host written = delegate.compareAndSetSpec(expected, spec);
            ledger.committed(expected.id(), expected.spec().consumerRef(), spec.consumerRef());
            if (expected.spec().consumerRef() == null && spec.consumerRef() != null) {
                claimedAtNanos.putIfAbsent(spec.consumerRef().name(), System.nanoTime());
            }
            return written;
        }

        @Override
        public Host apply(Host current, List<Effect> effects) {
            return delegate.apply(current, effects);
        }

        @Override
        public Optional<Host> createIfAbsent(Host host) {
            return delegate.createIfAbsent(host);
        }
    }

    /**
     * Every claim and release committed to the API server, as the benchmark saw them: a host claimed by a second
     * Machine while the first still holds it, or a Machine that claims a second host while it holds one, is a double
     * claim (a violation), whatever the API server says later.
     */
    static final class ClaimLedger {
        private final Map<HostId, String> consumerOf = new java.util.HashMap<>();
        private final Map<String, HostId> hostOf = new java.util.HashMap<>();
        private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

        synchronized void committed(HostId host, ConsumerRef before, ConsumerRef after) {
            if (after != null && (before == null || !key(before).equals(key(after)))) {
                String holder = consumerOf.get(host);
                if (holder != null && !holder.equals(key(after))) {
                    violation("host " + host + " claimed by " + key(after) + " while " + holder + " held it");
                }
                HostId held = hostOf.get(key(after));
                if (held != null && !held.equals(host)) {
                    violation("Machine " + key(after) + " claimed host " + host + " while it held " + held);
                }
                consumerOf.put(host, key(after));
                hostOf.put(key(after), host);
            } else if (after == null && before != null) {
                consumerOf.remove(host, key(before));
                hostOf.remove(key(before), host);
            }
        }

        /**
         * The API server's objects at the end ({@code consumerByHost}: host name to the Machine its consumerRef names;
         * {@code hostNameByMachine}: Machine to its status.hostName): a Machine that is the consumer of two hosts, or
         * whose status names a host that is not consumed by it, is a double claim.
         */
        void endState(Map<String, String> consumerByHost, Map<String, String> hostNameByMachine) {
            Map<String, List<String>> hostsByMachine = new java.util.TreeMap<>();
            consumerByHost.forEach((host, machine) -> hostsByMachine.computeIfAbsent(machine, k -> new java.util.ArrayList<>()).add(host));
            hostsByMachine.forEach((machine, hosts) -> {
                if (hosts.size() > 1) {
                    violation("on the API server at the end: Machine " + machine + " is the consumer of hosts " + hosts.stream().sorted().toList());
                }
            });
            new java.util.TreeMap<>(hostNameByMachine).forEach((machine, host) -> {
                List<String> consumed = hostsByMachine.getOrDefault(machine, List.of());
                if (!consumed.contains(host)) {
                    violation("on the API server at the end: Machine " + machine + " says host " + host
                            + ", but that host's consumer is not it (hosts naming it: " + consumed + ")");
                }
            });
        }

        void violation(String what) {
            violations.add(what);
        }

        List<String> violations() {
            return List.copyOf(violations);
        }

        private static String key(ConsumerRef ref) {
            return ref.namespace() + "/" + ref.name();
        }
    }

    /** Peak resident set size of a process (VmHWM in /proc), or "n/a" where /proc has none. */
    static String rss(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.format("%.0f MiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
            return "n/a";
        } catch (java.io.IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    /** Samples used heap every 20 ms (the true high-water mark, unlike the per-pool peaks, which peak at different times). */
    static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private final Thread thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long maxSampled() {
            return max.get();
        }

        void stop() {
            thread.interrupt();
        }
    }

    /** Peak usage per heap pool (MemoryPoolMXBean), name → bytes. */
    static Map<String, Long> heapPoolPeaks() {
        Map<String, Long> peaks = new java.util.LinkedHashMap<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peaks.put(pool.getName(), pool.getPeakUsage().getUsed());
            }
        }
        return peaks;
    }

    /** Heap used after a full GC (the live set). */
    static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
