package io.metalkube.application.prove;

import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.RecordingEventSink;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outages (issue 6): the whole back-end down then up, one BMC black-holed then back, and bursts of API server
 * failures on the stores. The right signal shows, retries back off, the rest of the site keeps going, and
 * everything recovers by itself — nobody touches anything after the fault is gone.
 */
class OutageRecoveryTest {

    private final Site site = new Site(FixtureTimings.realistic());

    private void addPool(int hosts, int machines) {
        for (int i = 0; i < hosts; i++) {
            site.addHost("h" + i, Map.of("pool", "a"));
        }
        for (int i = 0; i < machines; i++) {
            site.addMachine("m" + i, Map.of("pool", "a"));
        }
    }

    private boolean settled(int machines) {
        List<MachineView> all = site.machines.all();
        return all.size() == machines && all.stream().allMatch(m -> "Provisioned".equals(m.status().phase()) && m.status().errorReason().isEmpty())
                && site.hosts.listAll().stream().allMatch(h -> !h.status().hasError() && h.status().poweredOn() != null
                && (h.state() == ProvisioningState.AVAILABLE || h.state() == ProvisioningState.PROVISIONED));
    }

    private void runFor(ControlLoop loop, Duration d) {
        Instant end = site.clock.instant().plus(d);
        loop.runUntil(() -> !site.clock.instant().isBefore(end), 1_000_000);
    }

    @Test
    void aBackendOutageShowsAsEventsNotHostErrorsIsRetriedCalmlyAndHealsByItself() {
        addPool(6, 3);
        Operator op = site.operator();
        ControlLoop loop = new ControlLoop(site, op);
        assertThat(loop.runUntil(() -> site.hosts.listAll().stream().anyMatch(h -> h.spec().consumerRef() != null), 2000)).isTrue();
        int eventsBefore = site.events.events().size();
        Map<HostId, Integer> callsBefore = new java.util.HashMap<>();
        site.hosts.listAll().forEach(h -> callsBefore.put(h.id(), op.backend().callTimes(h.id()).size()));

        op.backend().outage(true);
        runFor(loop, Duration.ofMinutes(15));

        List<RecordingEventSink.Recorded> during = site.events.events().subList(eventsBefore, site.events.events().size());
        for (Host h : site.hosts.listAll()) {
            assertThat(h.status().hasError()).as("%s must not be blamed for the back-end outage", h.id()).isFalse();
            assertThat(h.status().errorCount()).isZero();
            assertThat(during).as("outage visible on %s", h.id())
                    .anyMatch(r -> r.host().equals(h.id()) && r.event().reason().equals("BackendUnavailable")
                            && r.event().message().contains("unreachable"));
            int calls = op.backend().callTimes(h.id()).size() - callsBefore.get(h.id());
            assertThat(calls).as("back-end calls for %s during 15 min of outage (retry every 30 s)", h.id()).isBetween(1, 32);
        }
        assertThat(site.machines.all()).noneMatch(m -> "Provisioned".equals(m.status().phase()));

        op.backend().outage(false);
        assertThat(loop.runUntil(() -> settled(3), 20_000)).as("healed by itself").isTrue();
        Invariants.atQuiescence(site, 3, 6);
    }

    @Test
    void aBlackHoledBmcShowsAPowerErrorBacksOffWhileOthersProgressAndRecoversByItself() {
        addPool(4, 2);
        Operator op = site.operator();
        ControlLoop loop = new ControlLoop(site, op);
        assertThat(loop.runUntil(() -> settled(2), 20_000)).isTrue();
        MachineId m0 = new MachineId(Site.NS, "m0");
        HostId victim = new HostId(Site.NS, site.machines.find(m0).orElseThrow().status().hostName());
        HostId neighbour = site.hosts.listAll().stream().map(Host::id).filter(id -> !id.equals(victim)).findFirst().orElseThrow();
        int victimCallsBefore = op.backend().callTimes(victim).size();
        int neighbourCallsBefore = op.backend().callTimes(neighbour).size();

        op.backend().blackHole(victim, true);
        site.addMachine("m2", Map.of("pool", "a")); // the rest of the site must keep going
        runFor(loop, Duration.ofHours(3));

        Host v = site.hosts.find(victim).orElseThrow();
        assertThat(v.status().errorType()).isEqualTo(ErrorType.POWER_MANAGEMENT);
        assertThat(v.status().operationalStatus()).isEqualTo(OperationalStatus.ERROR);
        assertThat(v.status().errorMessage()).contains(victim.toString()).contains("did not answer");
        assertThat(v.status().errorCount()).isGreaterThanOrEqualTo(3);
        assertThat(v.state()).as("an unreachable BMC does not undo provisioning").isEqualTo(ProvisioningState.PROVISIONED);
        MachineView machine = site.machines.find(m0).orElseThrow();
        assertThat(machine.status().errorReason()).isEqualTo("HostError");
        assertThat(machine.status().errorMessage()).isEqualTo(v.status().errorMessage());

        List<Instant> calls = op.backend().callTimes(victim);
        List<Instant> attempts = calls.subList(victimCallsBefore, calls.size());
        assertThat(attempts.size()).as("attempts on the dead BMC in 3 h (a 60 s poll would make 180)").isBetween(3, 12);
        for (int i = 2; i < attempts.size(); i++) {
            Duration before = Duration.between(attempts.get(i - 2), attempts.get(i - 1));
            Duration after = Duration.between(attempts.get(i - 1), attempts.get(i));
            assertThat(after).as("backoff between attempts %d and %d never shrinks", i - 1, i).isGreaterThanOrEqualTo(before);
        }
        assertThat(op.backend().callTimes(neighbour).size() - neighbourCallsBefore).as("neighbour keeps its 60-75 s poll").isGreaterThan(140);
        MachineView m2 = site.machines.find(new MachineId(Site.NS, "m2")).orElseThrow();
        assertThat(m2.status().phase()).isEqualTo("Provisioned");
        assertThat(m2.status().hostName()).isNotEqualTo(victim.name());

        op.backend().blackHole(victim, false);
        Instant back = site.clock.instant();
        assertThat(loop.runUntil(() -> settled(3), 20_000)).as("recovers by itself").isTrue();
        Duration lastGap = Duration.between(attempts.get(attempts.size() - 2), attempts.getLast());
        assertThat(Duration.between(back, site.clock.instant())).as("recovery within one more backoff").isLessThanOrEqualTo(lastGap.multipliedBy(2));
        assertThat(site.hosts.find(victim).orElseThrow().status().operationalStatus()).isEqualTo(OperationalStatus.OK);
        Invariants.atQuiescence(site, 3, 4);
    }

    @Test
    void burstsOfApiServerFailuresLoseNothing() {
        addPool(5, 3);
        Random rnd = new Random(7);
        boolean[] burst = {true};
        long[] injected = {0};
        Operator op = site.operator(step -> {
            if (burst[0] && step.startsWith("hosts.") || burst[0] && step.startsWith("machines.")) {
                if (rnd.nextInt(100) < 40) {
                    injected[0]++;
                    throw new IllegalStateException("injected API server 503 on " + step);
                }
            }
        });
        ControlLoop loop = new ControlLoop(site, op);
        for (int round = 0; round < 3; round++) {
            burst[0] = true;
            runFor(loop, Duration.ofMinutes(2));
            burst[0] = false;
            runFor(loop, Duration.ofSeconds(20));
            Invariants.everyStep(site);
        }
        assertThat(injected[0]).isGreaterThan(20);
        assertThat(loop.failures()).isGreaterThan(0);
        assertThat(loop.runUntil(() -> settled(3), 20_000)).as("settles once the API server is healthy").isTrue();
        assertThat(site.hosts.listAll()).hasSize(5);
        Invariants.atQuiescence(site, 3, 5);
        for (Host h : site.hosts.listAll()) {
            assertThat(site.fixture.isRegistered(h.id())).as("%s known to the back-end", h.id()).isTrue();
        }
    }
}
