package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.DetachRequest.DeleteAction;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.OperationalStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detached annotation and deletion, as metal3's host_state_machine.go (checkInitiateDelete, checkDetachedHost)
 * and annotations.go (delayDeleteForDetachedHost): {@code {"deleteAction": "delay"}} keeps a detached host from
 * being deleted, "delete" (or no value) deletes it without touching the back-end, and a detach that is not allowed
 * yet waits for the current operation to finish instead of stopping the host.
 */
class DetachedDeletionTest {

    private static Host detachedAndDeleted(DetachRequest annotation) {
        return aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .detached(annotation).operationalStatus(OperationalStatus.DETACHED)
                .status(s -> s.withProvisioning(s.provisioning().withId(""))).deleting().build();
    }

    @Test
    void deleteActionDelayKeepsTheDetachedHostAndSaysWhy() {
        Host host = detachedAndDeleted(new DetachRequest(false, DeleteAction.DELAY));

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.operation()).isEmpty();
        assertThat(d.effects()).doesNotContain(Effect.REMOVE_FINALIZER);
        assertThat(d.requeue()).contains(TIMINGS.unmanagedPoll());
        assertThat(d.events()).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("DeletionDelayed");
            assertThat(e.message()).contains("deleteAction", "delay");
        });
    }

    @Test
    void deleteActionDeleteOrNoneDeletesWithoutTheBackEnd() {
        for (DetachRequest annotation : new DetachRequest[]{new DetachRequest(false, DeleteAction.DELETE), new DetachRequest(false)}) {
            Host host = detachedAndDeleted(annotation);

            Decision first = plan(host);
            Decision second = plan(apply(host, first));

            assertThat(first.status().state()).as(annotation.toString()).isEqualTo(DELETING);
            assertThat(second.operation()).isEmpty();
            assertThat(second.effects()).containsExactly(Effect.REMOVE_FINALIZER);
        }
    }

    @Test
    void changingDelayToDeleteLetsTheDeletionGoOn() {
        Host delayed = detachedAndDeleted(new DetachRequest(false, DeleteAction.DELAY));
        Host released = delayed.withAnnotations(delayed.annotations().withDetached(Optional.of(new DetachRequest(false, DeleteAction.DELETE))));

        assertThat(plan(delayed).status().state()).isEqualTo(PROVISIONED);
        assertThat(plan(released).status().state()).isEqualTo(DELETING);
    }

    @Test
    void aDetachedHostWhoseAnnotationWasRemovedIsReattachedBeforeItIsDeleted() {
        Host host = detachedAndDeleted(new DetachRequest(false));
        host = host.withAnnotations(host.annotations().withDetached(Optional.empty()));

        Decision reattached = plan(host);
        Host next = apply(host, reattached);
        Decision deleting = plan(next);

        assertThat(reasons(reattached)).contains("Reattached");
        assertThat(reattached.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
        assertThat(deleting.operation()).as("the back-end no longer knows the host: nothing to deprovision there").isEmpty();
        assertThat(plan(apply(next, deleting)).effects()).containsExactly(Effect.REMOVE_FINALIZER);
    }

    @Test
    void aHostAnnotatedButNotDetachedYetIsDeletedTheNormalWay() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true)
                .detached(new DetachRequest(false)).deleting().build();

        assertThat(plan(host).status().state()).as("metal3: checkInitiateDelete runs before checkDetachedHost").isEqualTo(DEPROVISIONING);
    }

    @Test
    void aDetachThatIsNotAllowedYetWaitsForTheCurrentOperationInsteadOfStoppingTheHost() {
        Host provisioning = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .detached(new DetachRequest(false)).build();

        Decision d = plan(provisioning);

        assertThat(d.status().errorType()).isNull();
        assertThat(d.operation()).get().isInstanceOf(Operation.Provision.class);
        Host provisioned = apply(provisioning, LIFECYCLE.conclude(apply(provisioning, d), d.operation().get(), new Outcome.Done(), T0));
        assertThat(provisioned.state()).isEqualTo(PROVISIONED);
        assertThat(plan(provisioned).operation()).get().isInstanceOf(Operation.Detach.class);
    }

    @Test
    void aDetachErrorLeftFromBeforeIsCleared() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .detached(new DetachRequest(false)).failed(ErrorType.DETACH, 1, T0).build();

        Decision d = plan(host);

        assertThat(d.status().errorType()).isNull();
        assertThat(d.status().errorCount()).isZero();
    }
}
