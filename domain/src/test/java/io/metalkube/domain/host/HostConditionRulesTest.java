package io.metalkube.domain.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** metal3's condition semantics, without Kubernetes: what Manageable, AvailableForProvisioning and Healthy mean. */
class HostConditionRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-02T08:05:00Z");

    @Test
    void onlyAnAvailableHostIsAvailableForProvisioning() {
        for (ProvisioningState state : ProvisioningState.values()) {
            Condition afp = byType(HostStatus.initial().withState(state)).get(HostConditionRules.AVAILABLE_FOR_PROVISIONING);
            assertThat(afp.status()).as(state.wireName()).isEqualTo(ConditionStatus.of(state == ProvisioningState.AVAILABLE));
            assertThat(afp.reason()).as(state.wireName()).isEqualTo(state == ProvisioningState.AVAILABLE ? "Available" : "NotAvailable");
        }
    }

    @Test
    void aHostIsManageableOnceRegisteredAndNotWhileRegistrationFails() {
        assertThat(manageable(HostStatus.initial())).isEqualTo("False/NotManaged");
        assertThat(manageable(HostStatus.initial().withState(ProvisioningState.UNMANAGED))).isEqualTo("False/NotManaged");
        HostStatus registering = HostStatus.initial().withState(ProvisioningState.REGISTERING);
        assertThat(manageable(registering)).isEqualTo("False/Registering");
        assertThat(manageable(registering.withError(ErrorType.REGISTRATION, "wrong password"))).isEqualTo("False/RegistrationFailed");
        assertThat(manageable(HostStatus.initial().withState(ProvisioningState.INSPECTING))).isEqualTo("True/Manageable");
        assertThat(manageable(HostStatus.initial().withState(ProvisioningState.PROVISIONED)
                .withError(ErrorType.POWER_MANAGEMENT, "BMC timed out"))).as("an error after registration leaves it manageable").isEqualTo("True/Manageable");
    }

    @ParameterizedTest
    @EnumSource(ErrorType.class)
    void healthyIsTheHardwaresHealthNotOurErrors(ErrorType error) {
        Condition healthy = byType(HostStatus.initial().withState(ProvisioningState.PROVISIONED).withError(error, "it failed"))
                .get(HostConditionRules.HEALTHY);
        assertThat(healthy.status()).as("no back-end reports BMC health yet").isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(healthy.reason()).isEqualTo("Unknown");
    }

    @Test
    void readyMeansProvisionedWithoutErrorAndNotDetached() {
        HostStatus provisioned = HostStatus.initial().withState(ProvisioningState.PROVISIONED);
        assertThat(ready(provisioned)).isEqualTo("True/Provisioned");
        assertThat(ready(HostStatus.initial().withState(ProvisioningState.AVAILABLE))).isEqualTo("False/NotProvisioned");
        assertThat(ready(provisioned.withError(ErrorType.POWER_MANAGEMENT, "BMC timed out"))).isEqualTo("False/Error");
        assertThat(ready(provisioned.withOperationalStatus(OperationalStatus.DETACHED))).isEqualTo("False/Detached");
    }

    @Test
    void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
        List<Condition> first = HostConditionRules.of(HostStatus.initial().withState(ProvisioningState.REGISTERING), null, T0);
        assertThat(first).allSatisfy(c -> assertThat(c.lastTransitionTime()).isEqualTo(T0));
        List<Condition> second = HostConditionRules.of(HostStatus.initial().withState(ProvisioningState.INSPECTING), first, T1);
        Map<String, Condition> after = second.stream().collect(Collectors.toMap(Condition::type, c -> c));
        assertThat(after.get(HostConditionRules.MANAGEABLE).lastTransitionTime()).as("False -> True").isEqualTo(T1);
        assertThat(after.get(HostConditionRules.PROGRESSING).lastTransitionTime()).as("True, reason changed").isEqualTo(T0);
        assertThat(after.get(HostConditionRules.PROGRESSING).reason()).isEqualTo("Inspecting");
        assertThat(after.get(HostConditionRules.READY).lastTransitionTime()).isEqualTo(T0);
    }

    @Test
    void everyHostCarriesTheSameSixTypesInTheSameOrder() {
        for (ProvisioningState state : ProvisioningState.values()) {
            assertThat(HostConditionRules.of(HostStatus.initial().withState(state), null, T0)).extracting(Condition::type)
                    .containsExactly("Ready", "Provisioned", "Healthy", "Progressing", "Manageable", "AvailableForProvisioning");
        }
    }

    private static Map<String, Condition> byType(HostStatus status) {
        return HostConditionRules.of(status, null, T0).stream().collect(Collectors.toMap(Condition::type, c -> c));
    }

    private static String manageable(HostStatus s) {
        Condition c = byType(s).get(HostConditionRules.MANAGEABLE);
        return c.status().wireName() + "/" + c.reason();
    }

    private static String ready(HostStatus s) {
        Condition c = byType(s).get(HostConditionRules.READY);
        return c.status().wireName() + "/" + c.reason();
    }
}
