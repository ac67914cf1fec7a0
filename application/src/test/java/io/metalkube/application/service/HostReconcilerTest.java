package io.metalkube.application.service;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconcile use case end to end on in-memory fakes: no Kubernetes, no network. */
class HostReconcilerTest {

    private final World world = new World();

    @Test
    void enrolsANewHostToAvailableWithHardwareAndObservedPower() {
        world.addHost("h1", Map.of());
        assertThat(world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50)).isTrue();
        world.runUntil(() -> world.host("h1").status().poweredOn() != null, 20);
        Host h = world.host("h1");
        assertThat(h.status().hardware().systemVendor().manufacturer()).isEqualTo("Fixture Systems");
        assertThat(h.status().goodCredentials().secretName()).isEqualTo("h1-bmc");
        assertThat(h.status().poweredOn()).isFalse();
        assertThat(h.status().operationHistory().register().end()).isNotNull();
        assertThat(world.events.reasons(h.id())).contains("BMCAccessValidated", "Registered", "InspectionComplete");
    }

    @Test
    void stepsThatNeedNoWaitingShareAStatusWriteAndEachStateChangeIsInOneEvent() {
        Host h = world.addHost("h1", Map.of());
        world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE && world.host("h1").status().poweredOn() != null, 50);

        // (none) → registering → inspecting stored before the inspection runs; → preparing → available with the power read
        assertThat(world.hosts.statusWrites()).isEqualTo(2);
        assertThat(world.events.events()).extracting(e -> e.event().reason() + ": " + e.event().message()).containsExactly(
                "BMCAccessValidated: Verified access to BMC (credentials from Secret \"h1-bmc\")",
                "Registered: Registered new host; provisioning state changed from (none) to \"inspecting\" (through \"registering\")",
                "InspectionComplete: Hardware inspection completed; provisioning state changed from \"inspecting\" to \"available\" (through \"preparing\")");
        assertThat(world.host("h1").status().operationHistory().inspect().end()).isNotNull();
        assertThat(h.id()).isEqualTo(world.host("h1").id());
    }

    @Test
    void theStateThatNamesTheWorkIsStoredBeforeTheBackEndDoesIt() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        HostReconciler reconciler = new HostReconciler(world.hosts, world.credentials, new StateCountingCapacity(world.hosts, 20, world.clock),
                new OperationRunner(world.backend.asBackend().around((operation, call) -> {
                    seen.add(operation.kind() + " in " + world.host("h1").state().wireName());
                    return call.get();
                })), world.events, world.lifecycle, world.clock);
        Host h = world.addHost("h1", Map.of());
        world.hosts.edit(h.id(), x -> x.withSpec(x.spec().withOnline(true).withImage(io.metalkube.domain.host.Image.of("http://images/os.qcow2", "abc"))));
        for (int i = 0; i < 10 && world.host("h1").state() != ProvisioningState.PROVISIONED; i++) {
            reconciler.reconcile(h.id());
        }

        assertThat(seen).startsWith("register in ", "inspect in inspecting", "provision in provisioning");
        assertThat(world.host("h1").state()).isEqualTo(ProvisioningState.PROVISIONED);
    }

    @Test
    void anIdleHostCostsNoWritesAndOneBackendReadPerPoll() {
        world.addHost("h1", Map.of());
        world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE && world.host("h1").status().poweredOn() != null, 50);
        long writes = world.hosts.statusWrites();
        long reads = world.backend.calls("readpower");
        for (int i = 0; i < 10; i++) {
            world.clock.advance(Duration.ofSeconds(90));
            world.reconciler.reconcile(world.host("h1").id());
        }
        assertThat(world.hosts.statusWrites()).isEqualTo(writes);
        assertThat(world.backend.calls("readpower") - reads).isEqualTo(10);
    }

    @Test
    void aChangedCredentialsSecretTriggersRegistrationAgain() {
        Host h = world.addHost("h1", Map.of());
        world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50);
        String before = world.host("h1").status().goodCredentials().version();
        long registrations = world.backend.calls("register");
        world.credentials.put(World.NS, "h1-bmc", "admin", "rotated");
        world.touch(h.id());
        world.runUntil(() -> !world.host("h1").status().goodCredentials().version().equals(before), 10);
        assertThat(world.backend.calls("register")).isEqualTo(registrations + 1);
        assertThat(world.host("h1").state()).isEqualTo(ProvisioningState.AVAILABLE);
    }

    @Test
    void wrongCredentialsShowARegistrationErrorAndFixingTheSecretRecovers() {
        Host h = world.addHost("h1", Map.of());
        world.backend.acceptOnly(BmcAddress.parse(h.spec().bmc().address()).toString(), "the-real-one");
        world.runUntil(() -> world.host("h1").status().hasError(), 20);
        Host failed = world.host("h1");
        assertThat(failed.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(failed.status().operationalStatus()).isEqualTo(OperationalStatus.ERROR);
        assertThat(failed.status().errorMessage()).contains("refused the credentials").doesNotContain("pw-h1");
        assertThat(world.events.reasons(h.id())).contains("RegistrationError");

        world.credentials.put(World.NS, "h1-bmc", "admin", "the-real-one");
        world.touch(h.id());
        assertThat(world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50))
                .as("recovered, last status %s, events %s", world.host("h1").status(), world.events.reasons(h.id())).isTrue();
        assertThat(world.host("h1").status().errorCount()).isZero();
        assertThat(world.host("h1").status().errorType()).isNull();
    }

    @Test
    void aBackendOutageIsRetriedWithoutCountingErrorsAgainstTheHost() {
        Host h = world.addHost("h1", Map.of());
        world.backend.outage(true);
        world.runUntil(() -> false, 5);
        assertThat(world.host("h1").status().errorCount()).isZero();
        assertThat(world.events.reasons(h.id())).contains("BackendUnavailable");
        world.backend.outage(false);
        assertThat(world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50)).isTrue();
    }

    @Test
    void aPausedHostIsLeftAlone() {
        Host h = world.addHost("h1", Map.of());
        world.hosts.edit(h.id(), x -> x.withAnnotations(HostAnnotations.none().withPaused(true)));
        world.runUntil(() -> false, 5);
        assertThat(world.host("h1").status().isEmpty()).isTrue();
        assertThat(world.backend.calls("register")).isZero();
    }

    @Test
    void deletingAHostRemovesItFromTheBackendAndLetsItGo() {
        Host h = world.addHost("h1", Map.of());
        world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50);
        world.hosts.delete(h.id());
        world.touch(h.id());
        assertThat(world.runUntil(() -> world.hosts.find(h.id()).isEmpty(), 50)).isTrue();
        assertThat(world.backend.isRegistered(h.id())).isFalse();
        assertThat(world.backend.calls("delete")).isEqualTo(1);
    }

    @Test
    void deletionCompletesEvenWhenTheBackendNeverAnswers() {
        Host h = world.addHost("h1", Map.of());
        world.runUntil(() -> world.host("h1").state() == ProvisioningState.AVAILABLE, 50);
        world.backend.outage(true);
        world.hosts.delete(h.id());
        world.touch(h.id());
        assertThat(world.runUntil(() -> world.hosts.find(h.id()).isEmpty(), 200)).isTrue();
        assertThat(world.events.reasons(h.id())).contains("DeletionStepSkipped");
    }
}
