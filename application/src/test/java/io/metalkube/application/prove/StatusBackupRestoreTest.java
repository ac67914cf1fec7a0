package io.metalkube.application.prove;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status lost (a pivot / clusterctl move, metal3-anchors.md §5 item 10): a provisioned host comes back with an empty
 * status and its old status in {@code baremetalhost.metal3.io/status}. The operator restores it without touching
 * the machine (no re-registration, inspection, provisioning or power change), also when it is killed mid-restore.
 */
class StatusBackupRestoreTest {

    private static final List<String> DISRUPTIVE = List.of("register", "inspect", "provision", "deprovision", "poweron", "poweroff", "delete", "detach");

    /** A site with h1 provisioned, then "moved": status emptied, the old status kept in the backup annotation. */
    private static Site movedSite() {
        Site site = new Site();
        Host h = site.addHost("h1", Map.of());
        site.hosts.edit(h.id(), x -> x.withSpec(x.spec().withImage(Image.of(Site.IMAGE_URL, "abc123")).withOnline(true)));
        ControlLoop loop = new ControlLoop(site, site.operator());
        assertThat(loop.runUntil(() -> site.host("h1").state() == ProvisioningState.PROVISIONED
                && Boolean.TRUE.equals(site.host("h1").status().poweredOn()), 200)).isTrue();
        Host provisioned = site.host("h1");
        site.hosts.put(provisioned.withStatus(HostStatus.initial())
                .withAnnotations(provisioned.annotations().withStatusBackup(Optional.of(provisioned.status()))));
        return site;
    }

    private static void assertRestored(Site site, HostStatus before, Operator... operators) {
        Host h = site.host("h1");
        assertThat(h.state()).isEqualTo(ProvisioningState.PROVISIONED);
        assertThat(h.status().provisioning().image()).isEqualTo(before.provisioning().image());
        assertThat(h.status().hardware()).isEqualTo(before.hardware());
        assertThat(h.status().goodCredentials()).isEqualTo(before.goodCredentials());
        assertThat(h.status().hasError()).isFalse();
        assertThat(h.annotations().statusBackup()).as("backup annotation removed once status is back").isEmpty();
        for (Operator op : operators) {
            for (String kind : DISRUPTIVE) {
                assertThat(op.backend().calls(kind, h.id())).as("%s calls after the restore", kind).isZero();
            }
        }
        assertThat(site.fixture.image(h.id())).isEqualTo(Site.IMAGE_URL);
        assertThat(site.fixture.poweredOn(h.id())).isTrue();
    }

    @Test
    void anEmptyStatusIsRestoredFromTheBackupAnnotationWithoutTouchingTheMachine() {
        Site site = movedSite();
        HostStatus before = site.host("h1").annotations().statusBackup().orElseThrow();
        Operator fresh = site.operator();
        ControlLoop loop = new ControlLoop(site, fresh);
        loop.runUntil(() -> false, 30);
        assertRestored(site, before, fresh);
        assertThat(site.events.reasons(new HostId(Site.NS, "h1"))).contains("StatusRestored");
    }

    @Test
    void aKillAtAnyStepOfTheRestoreStillRestoresAndClearsTheBackup() {
        KillSwitch counter = new KillSwitch(0);
        Site probe = movedSite();
        new ControlLoop(probe, probe.operator(counter)).runUntil(() -> probe.host("h1").annotations().statusBackup().isEmpty(), 30);
        long steps = counter.calls();
        assertThat(steps).isPositive();
        for (long k = 1; k <= steps; k++) {
            Site site = movedSite();
            HostStatus before = site.host("h1").annotations().statusBackup().orElseThrow();
            Operator doomed = site.operator(new KillSwitch(k));
            ControlLoop loop = new ControlLoop(site, doomed);
            try {
                loop.runUntil(() -> false, 30);
            } catch (OperatorKilled killed) {
                Operator fresh = site.operator();
                loop.restart(fresh);
                loop.runUntil(() -> false, 30);
                try {
                    assertRestored(site, before, doomed, fresh);
                } catch (AssertionError e) {
                    throw new AssertionError("killed before step " + k + " of " + steps + " of the restore: " + e.getMessage(), e);
                }
                continue;
            }
            throw new AssertionError("step " + k + " was never reached");
        }
    }

    /**
     * clusterctl move (metal3-anchors.md §1.5, issue 13): CAPM3 pauses the host ({@code metal3.io/capm3}) and writes
     * the status annotation; the objects are created anew in the target cluster (status empty, the Secret with a new
     * resourceVersion) and the source copies deleted; CAPM3 unpauses in the target. The target's operator adopts the
     * provisioned host: registration only proves the new Secret against the node the source registered, then the
     * steady poll reads power. No inspection, provisioning, power change or other back-end write.
     */
    @Test
    void aProvisionedHostMovedToAnotherClusterIsAdoptedWithBackEndReadsOnly() {
        Site site = new Site();
        Host h = site.addHost("h1", Map.of());
        site.hosts.edit(h.id(), x -> x.withSpec(x.spec().withImage(Image.of(Site.IMAGE_URL, "abc123")).withOnline(true)));
        assertThat(new ControlLoop(site, site.operator()).runUntil(() -> site.host("h1").state() == ProvisioningState.PROVISIONED
                && Boolean.TRUE.equals(site.host("h1").status().poweredOn()), 200)).isTrue();
        Host source = site.host("h1");
        long writesBefore = site.fixture.writes(h.id());
        // what the target cluster receives: paused, the status annotation, no status; the Secret re-created
        site.hosts.put(source.withStatus(HostStatus.initial()).withAnnotations(source.annotations().withPaused(true)
                .withStatusBackup(Optional.of(source.status()))));
        site.credentials.put(Site.NS, "h1-bmc", "admin", "pw-h1");
        Operator target = site.operator();
        ControlLoop loop = new ControlLoop(site, target);
        loop.runUntil(() -> false, 10);
        assertThat(site.host("h1").status().isEmpty()).as("a paused host is left alone, status not restored yet").isTrue();

        site.hosts.edit(h.id(), x -> x.withAnnotations(x.annotations().withPaused(false))); // CAPM3 unpauses in the target
        loop.runUntil(() -> false, 60);

        Host adopted = site.host("h1");
        assertThat(adopted.state()).isEqualTo(ProvisioningState.PROVISIONED);
        assertThat(adopted.status().provisioning().id()).isEqualTo(source.status().provisioning().id());
        assertThat(adopted.status().goodCredentials()).isNotEqualTo(source.status().goodCredentials())
                .as("registration proved the target cluster's Secret").isNotNull();
        assertThat(adopted.status().hasError()).isFalse();
        assertThat(adopted.status().poweredOn()).isTrue();
        for (String kind : List.of("inspect", "provision", "deprovision", "poweron", "poweroff", "reboot", "delete", "detach")) {
            assertThat(target.backend().calls(kind, h.id())).as("%s calls in the target", kind).isZero();
        }
        assertThat(target.backend().calls("register", h.id())).isPositive();
        assertThat(site.fixture.writes(h.id())).as("back-end writes caused by the adoption").isEqualTo(writesBefore);
        assertThat(site.fixture.image(h.id())).isEqualTo(Site.IMAGE_URL);
        assertThat(site.fixture.poweredOn(h.id())).isTrue();
    }
}
