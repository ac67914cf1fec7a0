package io.metalkube.application.prove;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One seeded race: two operator instances over the same stores, each behind decorators that inject 409s and
 * preempt it before writes (so the other instance runs in between its read and its write), driven by a
 * scheduler that delivers watch events late, twice, or drops them and lets a resync deliver them much later.
 * Everything is single-threaded and decided by one {@link Random}, so a seed replays exactly.
 */
final class ClaimRace {

    /** How N Machines compare with M claimable hosts. */
    enum Shape { FEWER_MACHINES, AS_MANY, MORE_MACHINES }

    private record Event(Object key, long due) {
    }

    private static final Set<String> WRITES = Set.of("hosts.writeStatus", "hosts.compareAndSetSpec", "hosts.apply",
            "machines.recordChosenHost", "machines.writeStatus");
    private static final int CHAOS_STEPS = 400;

    private final long seed;
    private final boolean churn;
    private int nextMachine;
    private long deleted;
    private final Random rnd;
    private final Site site = new Site();
    private final Shape shape;
    private final int claimable;
    private final int machineCount;
    private final List<Event> pending = new ArrayList<>();
    private final Operator[] operators = new Operator[2];
    private final Map<Object, String> seen = new HashMap<>();
    private boolean chaos = true;
    private long tick;
    private int depth;
    private long steps;
    private long injectedConflicts;
    private long preemptions;

    ClaimRace(long seed) {
        this(seed, false);
    }

    /** With {@code churn}, Machines are also deleted (their hosts released) and created while the race runs. */
    ClaimRace(long seed, boolean churn) {
        this.seed = seed;
        this.churn = churn;
        this.rnd = new Random(seed);
        this.shape = Shape.values()[(int) (seed % 3)];
        this.claimable = 3 + rnd.nextInt(6);
        this.machineCount = switch (shape) {
            case FEWER_MACHINES -> Math.max(1, claimable - 1 - rnd.nextInt(2));
            case AS_MANY -> claimable;
            case MORE_MACHINES -> claimable + 1 + rnd.nextInt(3);
        };
    }

    long deletedMachines() {
        return deleted;
    }

    Shape shape() {
        return shape;
    }

    String describe() {
        return "seed " + seed + ": " + machineCount + " Machines, " + claimable + " claimable hosts (" + shape + "), "
                + steps + " reconciles, " + injectedConflicts + " injected 409s, " + preemptions + " preemptions"
                + (churn ? ", " + deleted + " Machines deleted, " + (nextMachine - machineCount) + " created" : "");
    }

    /** Runs the race to quiescence, checking the invariants after every reconcile; throws AssertionError on a violation. */
    void run() {
        enrolHosts();
        for (nextMachine = 0; nextMachine < machineCount; nextMachine++) {
            MachineView m = site.addMachine("m" + nextMachine, Map.of("pool", "a"));
            deliver(m.id(), rnd.nextInt(10));
        }
        for (int i = 0; i < 2; i++) {
            int index = i;
            operators[i] = site.operator(step -> beforeStep(index, step));
        }
        snapshotRevisions();
        while (steps < CHAOS_STEPS && !pending.isEmpty()) {
            stepOnce();
        }
        chaos = false;
        settle();
        Invariants.atQuiescence(site, site.machines.all().size(), claimable);
    }

    private void enrolHosts() {
        for (int i = 0; i < claimable; i++) {
            site.addHost("h" + i, Map.of("pool", "a"));
        }
        if (rnd.nextBoolean()) {
            site.addHost("other", Map.of("pool", "b")); // never matches: must never be claimed
        }
        ControlLoop loop = new ControlLoop(site, site.operator());
        boolean ready = loop.runUntil(() -> site.hosts.listAll().stream()
                .allMatch(h -> h.state() == ProvisioningState.AVAILABLE && h.status().poweredOn() != null), 500);
        if (!ready) {
            throw new AssertionError("seed " + seed + ": hosts did not reach available before the race");
        }
    }

    /** Picks a due event at random, and an operator at random, and reconciles. */
    private void stepOnce() {
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).due() <= tick) {
                ready.add(i);
            }
        }
        if (ready.isEmpty()) {
            tick = pending.stream().mapToLong(Event::due).min().orElse(tick);
            return;
        }
        if (churn && rnd.nextInt(100) < 4) {
            churnOnce();
        }
        Event e = pending.remove((int) ready.get(rnd.nextInt(ready.size())));
        reconcile(rnd.nextInt(2), e.key());
        tick++;
    }

    private void reconcile(int operator, Object key) {
        steps++;
        var result = operators[operator].reconcile(key);
        Invariants.everyStep(site);
        if (!result.gone()) {
            boolean soon = result.requeue().map(d -> d.toSeconds() < 60).orElse(false);
            deliver(key, soon ? 1 + rnd.nextInt(5) : 50 + rnd.nextInt(50));
        }
        emitWatchEvents();
    }

    /** A user deletes a Machine (its host must be deprovisioned and released) or creates one. */
    private void churnOnce() {
        List<MachineView> live = site.machines.all().stream().filter(m -> !m.deleting())
                .sorted(java.util.Comparator.comparing(m -> m.id().name())).toList();
        if (!live.isEmpty() && rnd.nextBoolean()) {
            MachineView victim = live.get(rnd.nextInt(live.size()));
            site.machines.delete(victim.id());
            deleted++;
            deliver(victim.id(), rnd.nextInt(5));
        } else if (nextMachine < machineCount + 4) {
            MachineView m = site.addMachine("m" + nextMachine++, Map.of("pool", "a"));
            deliver(m.id(), rnd.nextInt(5));
        }
    }

    /** The hook both operators' decorators call: maybe a 409, maybe let the other instance run first. */
    private void beforeStep(int operator, String step) {
        if (!chaos || !WRITES.contains(step)) {
            return;
        }
        if (depth < 2 && !pending.isEmpty() && rnd.nextInt(100) < 20) {
            Event other = pending.remove(rnd.nextInt(pending.size()));
            preemptions++;
            depth++;
            try {
                reconcile(1 - operator, other.key());
            } finally {
                depth--;
            }
        }
        if (rnd.nextInt(100) < 15) {
            injectedConflicts++;
            throw new ConflictException("injected 409 before " + step + " by operator " + operator);
        }
    }

    /** Watches: a changed host wakes every Machine; each event may come late, twice, or only at a resync. */
    private void emitWatchEvents() {
        boolean hostChanged = false;
        for (Host h : site.hosts.listAll()) {
            if (!h.revision().equals(seen.put(h.id(), h.revision()))) {
                watchEvent(h.id());
                hostChanged = true;
            }
        }
        for (MachineView m : site.machines.all()) {
            if (!m.revision().equals(seen.put(m.id(), m.revision())) || hostChanged) {
                watchEvent(m.id());
            }
        }
    }

    private void watchEvent(Object key) {
        int roll = rnd.nextInt(100);
        if (roll < 15) {
            deliver(key, 40 + rnd.nextInt(40)); // dropped; the periodic resync brings it back
            return;
        }
        deliver(key, rnd.nextInt(8));
        if (roll >= 90) {
            deliver(key, rnd.nextInt(20)); // duplicated
        }
    }

    private void deliver(Object key, int delay) {
        pending.add(new Event(key, tick + delay));
    }

    private void snapshotRevisions() {
        site.hosts.listAll().forEach(h -> seen.put(h.id(), h.revision()));
        site.machines.all().forEach(m -> seen.put(m.id(), m.revision()));
    }

    /** No more faults: sweep every object with a random operator until a whole sweep changes nothing. */
    private void settle() {
        for (int sweep = 0; sweep < 50; sweep++) {
            Map<Object, String> before = revisions();
            List<Object> keys = new ArrayList<>(before.keySet());
            java.util.Collections.shuffle(keys, rnd);
            for (Object key : keys) {
                reconcile(rnd.nextInt(2), key);
            }
            if (revisions().equals(before)) {
                return;
            }
        }
        throw new AssertionError(describe() + ": no quiescence after 50 calm sweeps");
    }

    private Map<Object, String> revisions() {
        Map<Object, String> r = new HashMap<>();
        site.hosts.listAll().forEach(h -> r.put(h.id(), h.revision()));
        site.machines.all().forEach(m -> r.put(m.id(), m.revision()));
        return r;
    }

    static MachineId machine(String name) {
        return new MachineId(Site.NS, name);
    }

    static HostId host(String name) {
        return new HostId(Site.NS, name);
    }
}
