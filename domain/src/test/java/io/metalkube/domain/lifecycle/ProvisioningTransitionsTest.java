package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.OperationHistory;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.SecretRef;
import org.junit.jupiter.api.Test;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** metal3-anchors.md §1.8.2: inspecting → preparing → available ⇄ provisioning → provisioned → deprovisioning. */
class ProvisioningTransitionsTest {

    @Test
    void inspectingAsksForInspectionAndMovesToPreparingWithTheDetails() {
        Host host = aHost().managed().inState(INSPECTING).build();

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.Inspect.class);
        Decision d = conclude(host, new Outcome.Inspected(someHardware()));
        assertThat(d.status().state()).isEqualTo(PREPARING);
        assertThat(d.status().hardware()).isEqualTo(someHardware());
    }

    @Test
    void preparingWithNothingToDoBecomesAvailableAndRecordsTheAppliedSettings() {
        Host host = aHost().managed().inState(PREPARING).bootMode(BootMode.LEGACY).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(AVAILABLE);
        assertThat(d.status().provisioning().bootMode()).isEqualTo(BootMode.LEGACY);
    }

    @Test
    void anAvailableHostProvisionsWhenOnlineWithAnImage() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).online().withImage(IMAGE).poweredOn(false).build());

        assertThat(d.status().state()).isEqualTo(PROVISIONING);
        assertThat(d.status().provisioning().image()).isEqualTo(IMAGE);
        assertThat(reasons(d)).contains("ProvisioningStarted");
    }

    @Test
    void anImageWithoutOnlineDoesNotProvision() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).offline().withImage(IMAGE).poweredOn(false).build());

        assertThat(d.status().state()).isEqualTo(AVAILABLE);
        assertThat(d.operation()).get().isNotInstanceOf(Operation.Provision.class);
    }

    @Test
    void onlineWithoutAnImageDoesNotProvision() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).online().poweredOn(true).build());

        assertThat(d.status().state()).isEqualTo(AVAILABLE);
        assertThat(d.operation()).get().isInstanceOf(Operation.ReadPower.class);
    }

    @Test
    void provisioningWritesTheSpecImageWithItsConfigDriveSecrets() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .spec(s -> s.withUserData(new SecretRef("worker-user-data", ""))).build();

        assertThat(plan(host).operation()).get().isInstanceOfSatisfying(Operation.Provision.class, p -> {
            assertThat(p.image()).isEqualTo(IMAGE);
            assertThat(p.userData()).isEqualTo(new SecretRef("worker-user-data", ""));
        });
    }

    @Test
    void aFinishedProvisioningMakesTheHostProvisioned() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .status(s -> s.withOperationHistory(OperationHistory.empty().with(OperationHistory.Kind.PROVISION,
                        OperationHistory.Span.NEVER.started(T0.minusSeconds(900))))).build();

        Decision d = conclude(host, new Outcome.Done());

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().operationHistory().provision().start()).isEqualTo(T0.minusSeconds(900));
        assertThat(d.status().operationHistory().provision().end()).isEqualTo(T0);
        assertThat(reasons(d)).contains("ProvisioningComplete");
    }

    @Test
    void changingTheImageWhileProvisioningDeprovisions() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(OTHER_IMAGE).provisionedWith(IMAGE).build();

        assertThat(plan(host).status().state()).isEqualTo(DEPROVISIONING);
    }

    @Test
    void clearingTheImageOfAProvisionedHostDeprovisions() {
        Host host = aHost().managed().inState(PROVISIONED).online().provisionedWith(IMAGE).poweredOn(true).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(DEPROVISIONING);
        assertThat(d.events()).anyMatch(e -> e.message().contains("image cleared"));
    }

    @Test
    void changingTheImageOfAProvisionedHostDeprovisionsFirst() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(OTHER_IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(DEPROVISIONING);
        assertThat(d.events()).anyMatch(e -> e.message().contains("image changed"));
    }

    @Test
    void aProvisionedHostWithTheSameImageStaysProvisioned() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        assertThat(plan(host).status().state()).isEqualTo(PROVISIONED);
    }

    @Test
    void aFinishedDeprovisioningMakesTheHostAvailableAgain() {
        Host host = aHost().managed().inState(DEPROVISIONING).provisionedWith(IMAGE).build();

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.Deprovision.class);
        Decision d = conclude(host, new Outcome.Done());
        assertThat(d.status().state()).isEqualTo(AVAILABLE);
        assertThat(d.status().provisioning().image()).isNull();
    }

    @Test
    void aFinishedDeprovisioningProvisionsTheNewImageWhenOneIsWanted() {
        Host host = aHost().managed().inState(DEPROVISIONING).online().withImage(OTHER_IMAGE).provisionedWith(IMAGE).build();

        Decision d = conclude(host, new Outcome.Done());

        assertThat(d.status().state()).isEqualTo(PROVISIONING);
        assertThat(d.status().provisioning().image()).isEqualTo(OTHER_IMAGE);
    }

    @Test
    void theInspectAnnotationReInspectsAnAvailableHostAndIsCleared() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).inspect(InspectRequest.REINSPECT).poweredOn(false).build());

        assertThat(d.status().state()).isEqualTo(INSPECTING);
        assertThat(d.effects()).contains(Effect.CLEAR_INSPECT_REQUEST);
    }

    @Test
    void anAvailableHostMarkedExternallyProvisionedBecomesExternallyProvisioned() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).externallyProvisioned().poweredOn(true).build());

        assertThat(d.status().state()).isEqualTo(EXTERNALLY_PROVISIONED);
    }

    @Test
    void clearingExternallyProvisionedMakesTheHostProvisionedWithoutDeprovisioning() {
        Host host = aHost().managed().inState(EXTERNALLY_PROVISIONED).online().withImage(IMAGE).poweredOn(true).build();

        Decision d = plan(host);
        Decision next = plan(apply(host, d));

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().provisioning().image()).isEqualTo(IMAGE);
        assertThat(next.status().state()).isEqualTo(PROVISIONED);
    }

    @Test
    void atTheProvisioningLimitTheHostWaitsDelayedAndThenProceeds() {
        Host host = aHost().managed().inState(AVAILABLE).online().withImage(IMAGE).poweredOn(false).build();
        assertThat(LIFECYCLE.mayNeedCapacity(host)).isTrue();

        Decision delayed = plan(host, atProvisioningLimit());
        Decision stillDelayed = plan(apply(host, delayed), atProvisioningLimit());
        Decision proceeds = plan(apply(host, delayed), goodCredentials());

        assertThat(delayed.status().state()).isEqualTo(AVAILABLE);
        assertThat(delayed.status().operationalStatus()).isEqualTo(OperationalStatus.DELAYED);
        assertThat(delayed.requeue()).contains(TIMINGS.delayedRetry());
        assertThat(reasons(delayed)).containsExactly("Delayed");
        assertThat(stillDelayed.events()).isEmpty();
        assertThat(proceeds.status().state()).isEqualTo(PROVISIONING);
        assertThat(proceeds.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
    }

    @Test
    void deprovisioningIsDelayedAtTheProvisioningLimitToo() {
        Host host = aHost().managed().inState(PROVISIONED).online().provisionedWith(IMAGE).poweredOn(true).build();

        Decision d = plan(host, atProvisioningLimit());

        assertThat(LIFECYCLE.mayNeedCapacity(host)).isTrue();
        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.DELAYED);
    }

    @Test
    void aReInspectionRequestDelayedByTheProvisioningLimitIsKeptUntilItCanStart() {
        Host host = aHost().managed().inState(AVAILABLE).inspect(InspectRequest.REINSPECT).poweredOn(false).build();

        Decision delayed = plan(host, atProvisioningLimit());
        Decision later = plan(apply(host, delayed), goodCredentials());

        assertThat(delayed.status().state()).isEqualTo(AVAILABLE);
        assertThat(delayed.effects()).doesNotContain(Effect.CLEAR_INSPECT_REQUEST);
        assertThat(later.status().state()).isEqualTo(INSPECTING);
        assertThat(later.effects()).contains(Effect.CLEAR_INSPECT_REQUEST);
    }

    @Test
    void aHostNoLongerWaitingForCapacityIsNotLeftDelayed() {
        Host host = aHost().managed().inState(AVAILABLE).online().withImage(IMAGE).poweredOn(false).build();
        Host delayed = apply(host, plan(host, atProvisioningLimit()));
        Host imageWithdrawn = delayed.withSpec(delayed.spec().withImage(null));

        Decision d = plan(imageWithdrawn, goodCredentials());

        assertThat(delayed.status().operationalStatus()).isEqualTo(OperationalStatus.DELAYED);
        assertThat(d.status().state()).isEqualTo(AVAILABLE);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
    }

    @Test
    void inspectionIsDelayedAtTheProvisioningLimitToo() {
        Decision d = plan(aHost().managed().inState(REGISTERING).build(), atProvisioningLimit());

        assertThat(d.status().state()).isEqualTo(REGISTERING);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.DELAYED);
    }
}
