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
}
