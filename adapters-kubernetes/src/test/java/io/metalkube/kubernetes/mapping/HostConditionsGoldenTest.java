package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** golden/host-conditions.yaml: status.conditions on the wire, type by type and reason by reason as metal3 writes them. */
class HostConditionsGoldenTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void everyStateCarriesMetal3sConditionsAndReasons() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode c : Golden.read("host-conditions.yaml")) {
            HostStatus status = status(c);
            List<String> got = HostConditions.of(status, null, 4L, T0).stream()
                    .map(x -> x.getType() + "=" + x.getStatus() + "/" + x.getReason()).toList();
            List<String> want = Golden.texts(c.path("expect"));
            if (!got.equals(want)) {
                mismatches.add(c.path("case").asText() + ":\n    want " + want + "\n    got  " + got);
            }
        }
        assertThat(mismatches).as("cases that differ from metal3").isEmpty();
    }

    @Test
    void eachConditionNamesTheGenerationAndMovesItsTimeOnlyWhenItsStatusChanges() {
        HostStatus inspecting = HostStatus.initial().withState(ProvisioningState.INSPECTING);
        List<Condition> first = HostConditions.of(inspecting, null, 2L, T0);
        assertThat(first).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-12-02T08:00:00Z");
            assertThat(c.getMessage()).as(c.getType() + " says something a person can read").isNotBlank();
        });

        List<Condition> later = HostConditions.of(inspecting.withState(ProvisioningState.AVAILABLE), first, 3L, T1);
        assertThat(time(later, "Manageable")).as("True before and after").isEqualTo("2026-12-02T08:00:00Z");
        assertThat(time(later, "AvailableForProvisioning")).as("False -> True").isEqualTo("2026-12-02T09:00:00Z");
        assertThat(time(later, "Progressing")).as("True -> False").isEqualTo("2026-12-02T09:00:00Z");
        assertThat(later).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3L));
    }

    @Test
    void theReadyConditionCarriesTheErrorMessage() {
        HostStatus failed = HostStatus.initial().withState(ProvisioningState.REGISTERING)
                .withError(ErrorType.REGISTRATION, "BMC 192.0.2.1 refused the user name or password");
        Condition ready = HostConditions.of(failed, null, 1L, T0).stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
        assertThat(ready.getMessage()).contains("refused the user name or password");
    }

    private static String time(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow().getLastTransitionTime();
    }

    private static HostStatus status(JsonNode c) {
        HostStatus s = HostStatus.initial().withState(ProvisioningState.fromWire(c.path("state").asText()).orElseThrow());
        if (c.hasNonNull("errorType")) {
            s = s.withError(ErrorType.fromWire(c.path("errorType").asText()).orElseThrow(), "the back-end said no");
        }
        if (c.hasNonNull("operationalStatus")) {
            s = s.withOperationalStatus(OperationalStatus.fromWire(c.path("operationalStatus").asText()).orElseThrow());
        }
        return s;
    }
}
