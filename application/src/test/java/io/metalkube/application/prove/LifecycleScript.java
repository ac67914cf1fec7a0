package io.metalkube.application.prove;

import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The whole life of two hosts and two Machines, as stages a user drives: enrol, claim and provision for m1; delete
 * m1 (deprovision, release) and create m2; then delete the host m1 had. Each stage waits for its goal. The operator
 * may be killed at any step ({@link KillSwitch}); the script then starts a fresh operator on the same stores and
 * back-end and carries on, as a restarted pod would.
 */
final class LifecycleScript {

    private final Site site = new Site(FixtureTimings.realistic());
    private final List<Faults> lives = new ArrayList<>();
    private ControlLoop loop;
    private int restarts;
    private HostId released;

    /** Runs the script; the i-th operator process sees {@code faults.get(i)}, later ones no faults. */
    LifecycleScript run(List<? extends Faults> processes) {
        lives.addAll(processes);
        loop = new ControlLoop(site, site.operator(nextLife()));
        site.addHost("h1", Map.of("pool", "a"));
        site.addHost("h2", Map.of("pool", "a"));
        site.addMachine("m1", Map.of("pool", "a"));
        stage("m1 provisioned", () -> phase("m1").equals("Provisioned"));
        released = new HostId(Site.NS, machine("m1").status().hostName());
        site.machines.delete(machine("m1").id());
        site.addMachine("m2", Map.of("pool", "a"));
        stage("m1 released and m2 provisioned", () -> site.machines.find(id("m1")).isEmpty() && phase("m2").equals("Provisioned"));
        site.hosts.delete(released);
        stage("the released host deleted", () -> site.hosts.find(released).isEmpty());
        return this;
    }

    Site site() {
        return site;
    }

    int restarts() {
        return restarts;
    }

    HostId released() {
        return released;
    }

    private void stage(String goal, BooleanSupplier done) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                if (loop.runUntil(done, 400)) {
                    return;
                }
                throw new AssertionError("stage \"" + goal + "\" not reached; hosts " + summary());
            } catch (OperatorKilled killed) {
                restarts++;
                loop.restart(site.operator(nextLife()));
            }
        }
        throw new AssertionError("stage \"" + goal + "\": operator killed 20 times in a row");
    }

    private Faults nextLife() {
        return lives.isEmpty() ? Faults.NONE : lives.removeFirst();
    }

    private String phase(String machine) {
        return site.machines.find(id(machine)).map(m -> m.status().phase()).orElse("(gone)");
    }

    private MachineView machine(String name) {
        return site.machines.find(id(name)).orElseThrow();
    }

    private static MachineId id(String name) {
        return new MachineId(Site.NS, name);
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        for (Host h : site.hosts.listAll()) {
            b.append(h.id()).append('=').append(h.state().wireName()).append(h.status().hasError() ? "(" + h.status().errorMessage() + ")" : "")
                    .append(" consumer=").append(h.spec().consumerRef()).append("; ");
        }
        for (MachineView m : site.machines.all()) {
            b.append(m.id()).append('=').append(m.status().phase()).append(" chosen=").append(m.chosenHost().orElse(null)).append("; ");
        }
        return b.toString();
    }

    /** The end state every run must reach, crash or no crash. */
    void assertConverged() {
        List<Host> hosts = site.hosts.listAll();
        if (hosts.size() != 1) {
            throw new AssertionError("expected exactly the kept host, found " + summary());
        }
        Host kept = hosts.getFirst();
        MachineView m2 = machine("m2");
        check(site.machines.find(id("m1")).isEmpty(), "m1 still exists: " + summary());
        check(kept.state() == ProvisioningState.PROVISIONED && !kept.status().hasError(), "kept host not cleanly provisioned: " + summary());
        check(kept.spec().consumerRef() != null && kept.spec().consumerRef().name().equals("m2"), "kept host not owned by m2: " + summary());
        check(m2.chosenHost().filter(kept.id()::equals).isPresent() && m2.status().phase().equals("Provisioned"), "m2 not settled: " + summary());
        check(!kept.id().equals(released), "the deleted host is still there: " + summary());
        for (String name : List.of("h1", "h2")) {
            HostId h = new HostId(Site.NS, name);
            boolean exists = site.hosts.find(h).isPresent();
            check(site.fixture.isRegistered(h) == exists, (exists ? "host " + h + " lost by the back-end" : "orphan back-end node for deleted host " + h));
        }
        check(Site.IMAGE_URL.equals(site.fixture.image(kept.id())) && site.fixture.poweredOn(kept.id()), "back-end does not run the image on " + kept.id());
        check(kept.annotations().statusBackup().isEmpty(), "stale status backup annotation left on " + kept.id());
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    static Supplier<LifecycleScript> counting(KillSwitch counter) {
        return () -> new LifecycleScript().run(List.of(counter));
    }
}
