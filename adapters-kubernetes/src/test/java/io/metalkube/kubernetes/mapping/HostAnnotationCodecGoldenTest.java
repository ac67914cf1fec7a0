package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** golden/annotations.yaml: every metal3 annotation, well-formed and malformed. */
class HostAnnotationCodecGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Golden.read("annotations.yaml")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        assertThat(tests).hasSizeGreaterThan(15);
        return tests.stream();
    }

    private static void check(JsonNode c) {
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = Golden.YAML.convertValue(c.get("annotations"), Map.class);
        HostAnnotationCodec.Parsed parsed = HostAnnotationCodec.parse(annotations);
        HostAnnotations a = parsed.annotations();
        JsonNode e = c.get("expect");
        assertThat(a.paused()).as("paused").isEqualTo(e.get("paused").asBoolean());
        String detached = a.detached().map(d -> d.force() ? "force" : "plain").orElse("absent");
        assertThat(detached).as("detached").isEqualTo(e.get("detached").asText());
        assertThat(a.detached().map(d -> d.deleteAction().wireName()).orElse("delete")).as("deleteAction")
                .isEqualTo(e.path("deleteAction").asText("delete"));
        assertThat(a.reboots()).extracting(r -> r.key() + ":" + r.mode() + (r.force() ? ":force" : "")).as("reboots")
                .containsExactlyInAnyOrderElementsOf(Golden.texts(e.get("reboots")));
        assertThat(a.inspect().name()).as("inspect").isEqualTo(e.get("inspect").asText());
        assertThat(a.unhealthy()).as("unhealthy").isEqualTo(e.path("unhealthy").asBoolean(false));
        if (e.has("hardware")) {
            assertThat(a.hardwareDetails()).isPresent();
            assertThat(a.hardwareDetails().get().ramMebibytes()).isEqualTo(e.get("hardware").asInt());
        } else {
            assertThat(a.hardwareDetails()).as("hardware details").isEmpty();
        }
        if (e.has("backup")) {
            assertThat(a.statusBackup()).isPresent();
            assertThat(a.statusBackup().get().state().wireName()).isEqualTo(e.get("backup").asText());
        } else {
            assertThat(a.statusBackup()).as("status backup").isEmpty();
        }
        List<String> expected = Golden.texts(e.get("problems"));
        assertThat(parsed.problems()).as("problems").hasSameSizeAs(expected);
        for (String p : expected) {
            assertThat(parsed.problems()).anySatisfy(actual -> assertThat(actual).contains(p));
        }
    }

    @Test
    void statusBackupWrittenByUsReadsBackToTheSameStatus() {
        HostStatus status = HostStatus.initial()
                .withState(ProvisioningState.PROVISIONED)
                .withOperationalStatus(OperationalStatus.OK)
                .withPoweredOn(true)
                .withLastUpdated(Instant.parse("2026-11-29T01:02:03.456Z"));
        String json = HostAnnotationCodec.statusBackup(status, "ns1");
        HostStatus back = HostAnnotationCodec.parse(Map.of(HostAnnotationCodec.STATUS, json)).annotations().statusBackup().orElseThrow();
        assertThat(back).isEqualTo(status);
    }
}
