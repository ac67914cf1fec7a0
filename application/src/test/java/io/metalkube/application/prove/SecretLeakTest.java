package io.metalkube.application.prove;

import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootRequest;
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.metalkube.domain.lifecycle.Observation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay secret (issue 6, "Security"): every flow — enrolment, a wrong then a fixed password, rotation, an
 * unusable Secret, a password typed into the BMC address, claim, provision, power, reboot, outage, dead BMC,
 * detach, release, deletion — runs with distinctive passwords, and everything a user or operator can see is
 * scanned for them: events, host and Machine status, every operation and outcome the back-end saw (their
 * toString), the lifecycle's decisions and credential checks (toString), and every log line at every level.
 */
class SecretLeakTest {

    private static final String RIGHT = "Zebra-Quartz-7731!pw";
    private static final String WRONG = "Walrus-Onyx-4419?pw";
    private static final String ROTATED = "Yak-Garnet-9902#pw";
    private static final String IN_ADDRESS = "Ibis-Topaz-5520$pw";
    private static final List<String> SECRETS = List.of(RIGHT, WRONG, ROTATED, IN_ADDRESS);

    private final Site site = new Site(FixtureTimings.realistic());
    private final List<String> seen = new ArrayList<>();
    private String lastRevisions = "";

    @Test
    void noPasswordReachesEventsStatusLogsOrAnyToString() {
        try (LogCapture logs = new LogCapture()) {
            driveEveryFlow();
            List<String> corpus = new ArrayList<>(seen);
            corpus.addAll(logs.lines());
            site.events.events().forEach(e -> corpus.add(e.toString()));
            corpus.addAll(site.machines.events());

            List<String> hits = corpus.stream().filter(line -> SECRETS.stream().anyMatch(line::contains)).distinct().toList();
            assertThat(hits).as("lines showing a password").isEmpty();

            // the scan really looked at something: errors about the wrong and the unusable Secret, transitions in the log
            assertThat(corpus).anyMatch(l -> l.contains("refused the credentials") && l.contains("h1"));
            assertThat(corpus).anyMatch(l -> l.contains("unusable") && l.contains("h3-bmc"));
            assertThat(corpus).anyMatch(l -> l.contains("BmcCredentials[username=admin, password=***]"));
            assertThat(logs.lines()).anyMatch(l -> l.contains("provisioned") || l.contains("-> provisioned"));
            assertThat(corpus.size()).isGreaterThan(500);
        }
    }

    private void driveEveryFlow() {
        Operator op = site.operator();
        op.backend().record();
        ControlLoop loop = new ControlLoop(site, op);
        loop.observeEachReconcile(this::snapshot);

        site.addHost("h0", Map.of("pool", "a"), RIGHT);
        Host h1 = site.addHost("h1", Map.of("pool", "a"), RIGHT);
        site.credentials.put(Site.NS, "h1-bmc", "admin", WRONG);                // the Secret holds a wrong password
        site.addHost("h2", Map.of("pool", "a"), RIGHT);
        site.addHost("h3", Map.of("pool", "a"), RIGHT);
        site.credentials.put(Site.NS, "h3-bmc", "", IN_ADDRESS);                // unusable: no username
        site.credentials.put(Site.NS, "h4-bmc", "admin", IN_ADDRESS);
        site.hosts.put(Host.newHost(new HostId(Site.NS, "h4"), Map.of("pool", "b"), HostSpec.empty()
                .withBmc(new BmcDetails("ipmi://admin:" + IN_ADDRESS + "@192.0.2.200", "h4-bmc", false))));
        loop.runUntil(() -> site.host("h0").state() == ProvisioningState.AVAILABLE && site.host("h1").status().errorCount() > 0
                && site.host("h3").status().hasError() && site.host("h4").status().hasError(), 2000);
        assertThat(site.host("h1").status().errorMessage()).contains("refused the credentials");

        site.credentials.put(Site.NS, "h1-bmc", "admin", RIGHT);                // fixed
        site.credentials.put(Site.NS, "h3-bmc", "admin", RIGHT);
        site.fixture.acceptOnly(site.host("h3").spec().bmc().address(), RIGHT);
        site.addMachine("m0", Map.of("pool", "a"));
        site.addMachine("m1", Map.of("pool", "a"));
        assertThat(loop.runUntil(() -> phase("m0").equals("Provisioned") && phase("m1").equals("Provisioned"), 20_000)).isTrue();

        Host h2 = site.host("h2");                                             // rotation
        site.credentials.put(Site.NS, "h2-bmc", "admin", ROTATED);
        site.fixture.acceptOnly(h2.spec().bmc().address(), ROTATED);
        loop.runUntil(() -> !site.host("h2").status().goodCredentials().version().equals(h2.status().goodCredentials().version()), 2000);

        for (Host h : site.hosts.listAll()) {                                  // power and reboot on every managed host
            if (h.state() == ProvisioningState.AVAILABLE) {
                site.hosts.edit(h.id(), x -> x.withSpec(x.spec().withOnline(!x.spec().online())));
            } else if (h.state() == ProvisioningState.PROVISIONED) {
                site.hosts.edit(h.id(), x -> x.withAnnotations(x.annotations().withReboots(List.of(new RebootRequest("", null)))));
            }
        }
        runFor(loop, Duration.ofMinutes(10));

        op.backend().outage(true);                                             // outage, then a dead BMC
        runFor(loop, Duration.ofMinutes(2));
        op.backend().outage(false);
        op.backend().blackHole(h1.id(), true);
        runFor(loop, Duration.ofMinutes(30));
        op.backend().blackHole(h1.id(), false);
        runFor(loop, Duration.ofHours(2));

        MachineId m0 = new MachineId(Site.NS, "m0");                           // release, detach, delete
        site.machines.delete(m0);
        loop.runUntil(() -> site.machines.find(m0).isEmpty(), 20_000);
        HostId detach = site.hosts.listAll().stream().filter(h -> h.state() == ProvisioningState.AVAILABLE && h.spec().consumerRef() == null)
                .map(Host::id).findFirst().orElseThrow();
        site.hosts.edit(detach, x -> x.withAnnotations(x.annotations().withDetached(Optional.of(new DetachRequest(false)))));
        runFor(loop, Duration.ofMinutes(5));
        for (Host h : site.hosts.listAll()) {
            site.hosts.delete(h.id());
        }
        site.machines.delete(new MachineId(Site.NS, "m1"));
        assertThat(loop.runUntil(() -> site.hosts.listAll().isEmpty() && site.machines.all().isEmpty(), 50_000)).isTrue();
        seen.addAll(op.backend().transcript());
    }

    /** Everything user-visible right now, plus the toString of the value objects the services pass around. */
    private void snapshot() {
        String revisions = site.hosts.listAll().stream().map(Host::revision).toList() + " "
                + site.machines.all().stream().map(MachineView::revision).toList();
        if (revisions.equals(lastRevisions)) {
            return; // nothing changed since the last look
        }
        lastRevisions = revisions;
        for (Host h : site.hosts.listAll()) {
            seen.add(h.status().toString());
            seen.add(h.annotations().toString());
            CredentialsCheck creds = site.credentials.lookup(h.id(), h.spec().bmc().credentialsName());
            seen.add(creds.toString());
            if (!h.annotations().paused()) {
                seen.add(site.lifecycle.plan(h, new Observation(creds, Capacity.AVAILABLE), site.clock.instant()).toString());
            }
        }
        for (MachineView m : site.machines.all()) {
            seen.add(m.toString());
        }
    }

    private String phase(String machine) {
        return site.machines.find(new MachineId(Site.NS, machine)).map(m -> m.status().phase()).orElse("(gone)");
    }

    private void runFor(ControlLoop loop, Duration d) {
        var end = site.clock.instant().plus(d);
        loop.runUntil(() -> !site.clock.instant().isBefore(end), 1_000_000);
    }
}
