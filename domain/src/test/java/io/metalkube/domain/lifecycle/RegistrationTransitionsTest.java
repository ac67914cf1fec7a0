package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** metal3-anchors.md §1.8.2: none/unmanaged → registering → inspecting | preparing | externally provisioned. */
class RegistrationTransitionsTest {

    @Test
    void aNewHostWithoutBmcDetailsBecomesUnmanagedAndDiscovered() {
        Decision d = plan(aHost().build(), nothingObserved());

        assertThat(d.status().state()).isEqualTo(UNMANAGED);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.DISCOVERED);
        assertThat(reasons(d)).contains("Discovered");
        assertThat(d.operation()).isEmpty();
        assertThat(d.requeue()).contains(TIMINGS.unmanagedPoll());
    }

    @Test
    void anAddressWithoutACredentialsSecretIsStillUnmanaged() {
        Host host = aHost().spec(s -> s.withBmc(new io.metalkube.domain.host.BmcDetails(BMC_ADDRESS, "", false))).build();

        assertThat(plan(host, nothingObserved()).status().state()).isEqualTo(UNMANAGED);
    }

    @Test
    void aNewHostWithBmcDetailsStartsRegistering() {
        Decision d = plan(aHost().withBmc().build());

        assertThat(d.status().state()).isEqualTo(REGISTERING);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
        assertThat(d.requeue()).contains(java.time.Duration.ZERO);
    }

    @Test
    void anUnmanagedHostStartsRegisteringOnceBmcDetailsAreAdded() {
        Host host = aHost().withBmc().inState(UNMANAGED).operationalStatus(OperationalStatus.DISCOVERED).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(REGISTERING);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
    }

    @Test
    void registeringAsksTheBackEndToRegisterWithTheSecretsVersion() {
        Decision d = plan(aHost().withBmc().inState(REGISTERING).build());

        assertThat(d.operation()).get().isInstanceOfSatisfying(Operation.Register.class, r -> {
            assertThat(r.credentialsVersion()).isEqualTo(CREDENTIALS_V1);
            assertThat(r.target().credentials()).isEqualTo(ADMIN);
            assertThat(r.target().address().host()).isEqualTo("192.0.2.10");
        });
    }

    /**
     * As metal3 (its ensureCapacity runs on entering a busy state): registering takes no provisioning slot, only the
     * move on to inspecting does. A slot reserved for every host that starts registering sat unused while the host
     * registered and waited its turn; with 1,000 new hosts every slot was held so, and few hosts inspected (issue 14).
     */
    @Test
    void aHostAsksForAProvisioningSlotOnlyOnceItIsRegistered() {
        Host toRegister = aHost().withBmc().inState(REGISTERING).build();
        Host registered = apply(toRegister, conclude(toRegister, new Outcome.Registered("node-7")));

        assertThat(LIFECYCLE.mayNeedCapacity(toRegister)).as("still to register").isFalse();
        assertThat(plan(toRegister).operation()).get().isInstanceOf(Operation.Register.class);
        assertThat(LIFECYCLE.mayNeedCapacity(registered)).as("registered, about to inspect").isTrue();
        assertThat(plan(registered).status().state()).isEqualTo(INSPECTING);
    }

    @Test
    void aSuccessfulRegistrationRecordsTheGoodCredentialsAndTheNodeId() {
        Decision d = conclude(aHost().withBmc().inState(REGISTERING).build(), new Outcome.Registered("node-7"));

        assertThat(d.status().goodCredentials()).isEqualTo(CREDENTIALS_V1);
        assertThat(d.status().provisioning().id()).isEqualTo("node-7");
        assertThat(d.status().hasError()).isFalse();
        assertThat(reasons(d)).contains("BMCAccessValidated");
    }

    @Test
    void aFailedRegistrationIsARegistrationErrorAndRemembersTheTriedCredentials() {
        Decision d = conclude(aHost().withBmc().inState(REGISTERING).build(), new Outcome.Failed("authentication failed"));

        assertThat(d.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(d.status().errorCount()).isEqualTo(1);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.ERROR);
        assertThat(d.status().triedCredentials()).isEqualTo(CREDENTIALS_V1);
        assertThat(d.status().goodCredentials()).isNull();
        assertThat(reasons(d)).contains("RegistrationError");
    }

    @Test
    void aProvisionedHostWhoseRegistrationFailsGetsAProvisionedRegistrationError() {
        Host host = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        Decision d = LIFECYCLE.conclude(host, plan(host, changedCredentials()).operation().orElseThrow(), new Outcome.Failed("bad password"), T0);

        assertThat(d.status().errorType()).isEqualTo(ErrorType.PROVISIONED_REGISTRATION);
        assertThat(d.status().state()).isEqualTo(PROVISIONED);
    }

    @ParameterizedTest
    @EnumSource(value = ProvisioningState.class, names = {"REGISTERING", "MATCH_PROFILE", "INSPECTING", "PREPARING", "AVAILABLE",
            "PROVISIONING", "PROVISIONED", "EXTERNALLY_PROVISIONED", "DEPROVISIONING"})
    void changedCredentialsReRunRegistrationFromAnyState(ProvisioningState state) {
        Host host = aHost().managed().inState(state).online().withImage(IMAGE).provisionedWith(IMAGE).poweredOn(true).build();

        Decision d = plan(host, changedCredentials());

        assertThat(d.operation()).get().isInstanceOfSatisfying(Operation.Register.class,
                r -> assertThat(r.credentialsVersion()).isEqualTo(CREDENTIALS_V2));
        assertThat(d.status().state()).isEqualTo(state);
    }

    @Test
    void aRegistrationErrorIsRetriedWithTheSameCredentialsOnceTheBackoffHasPassed() {
        Host host = aHost().managed().inState(AVAILABLE).failed(ErrorType.REGISTRATION, 1, T0.minusSeconds(600)).build();

        assertThat(plan(host).operation()).get().isInstanceOf(Operation.Register.class);
    }

    @Test
    void aMissingSecretIsARegistrationErrorThatNamesTheSecret() {
        Decision d = plan(aHost().withBmc().inState(REGISTERING).build(), missingSecret());

        assertThat(d.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(d.status().errorMessage()).contains("\"worker-0-bmc\"", "dc1", "username and password");
        assertThat(d.operation()).isEmpty();
    }

    @Test
    void aMalformedAddressIsARegistrationErrorCountedOnce() {
        Host host = aHost().withBmc("ipmi://bad_host").inState(REGISTERING).build();

        Decision first = plan(host);
        Decision second = plan(apply(host, first));

        assertThat(first.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(first.status().errorMessage()).contains("bad_host");
        assertThat(first.operation()).isEmpty();
        assertThat(second.status().errorCount()).isEqualTo(1);
    }

    @Test
    void aPasswordWrittenIntoTheAddressNeverReachesTheStatusOrEvents() {
        Decision d = plan(aHost().withBmc("ipmi://admin:hunter2@192.0.2.10").inState(REGISTERING).build());

        assertThat(d.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(d.status().errorMessage()).contains("credentialsName").doesNotContain("hunter2");
        assertThat(d.events()).allSatisfy(e -> assertThat(e.message()).doesNotContain("hunter2"));
    }

    @Test
    void aStatusLostInAMoveIsRestoredFromTheBackupAnnotation() {
        Host moved = aHost().managed().inState(PROVISIONED).online().withImage(IMAGE).provisionedWith(IMAGE).build();
        Host empty = moved.withStatus(io.metalkube.domain.host.HostStatus.initial())
                .withAnnotations(moved.annotations().withStatusBackup(java.util.Optional.of(moved.status())));

        Decision d = plan(empty);

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().goodCredentials()).isEqualTo(CREDENTIALS_V1);
        assertThat(d.effects()).containsExactly(Effect.CLEAR_STATUS_BACKUP);
        assertThat(d.operation()).isEmpty();
    }

    @Test
    void aSteadyPollThatChangesNothingLeavesTheStatusUntouched() {
        Host host = aHost().managed().inState(AVAILABLE).online().poweredOn(true).build();

        Decision polled = conclude(host, new Outcome.PowerState(true));

        assertThat(plan(host).status()).isSameAs(host.status());
        assertThat(polled.status()).isSameAs(host.status());
    }

    @Test
    void aRegisteredHostMarkedExternallyProvisionedSkipsInspection() {
        Decision d = plan(aHost().managed().inState(REGISTERING).externallyProvisioned().build());

        assertThat(d.status().state()).isEqualTo(EXTERNALLY_PROVISIONED);
        assertThat(d.operation()).isEmpty();
    }

    @Test
    void aRegisteredHostWithInspectionDisabledGoesToPreparingWithTheInjectedHardwareDetails() {
        Host host = aHost().managed().inState(REGISTERING).inspect(InspectRequest.DISABLED)
                .hardwareDetailsAnnotation(someHardware()).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(PREPARING);
        assertThat(d.status().hardware()).isEqualTo(someHardware());
    }

    @Test
    void aRegisteredHostIsInspectedOtherwise() {
        Decision d = plan(aHost().managed().inState(REGISTERING).build());

        assertThat(d.status().state()).isEqualTo(INSPECTING);
        assertThat(d.status().operationHistory().inspect().start()).isEqualTo(T0);
    }
}
