package io.metalkube.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalkube.bootstrap.jar.JarProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code METALKUBE_LOG_FORMAT=json bin/demo --fast} with the operator's log at INFO: every line the process writes is
 * one JSON object with a dated timestamp, level, logger and message, and every line the host controller logs for a
 * host names that host (kind, namespace, name).
 */
class DemoJsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineOfADemoRunInJsonModeParsesAndHostLinesNameTheirHost() throws Exception {
        try (JarProcess demo = JarProcess.start(List.of(), List.of("--fast"),
                Map.of("METALKUBE_LOG_FORMAT", "json", "METALKUBE_LOG_LEVEL", "INFO"))) {
            int exit = demo.awaitExit(Duration.ofSeconds(240));
            String output = demo.output();
            assertThat(exit).as(output).isZero();

            List<JsonNode> lines = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines).as(output).isNotEmpty().allSatisfy(json -> {
                assertThat(json.isObject()).as(json.toString()).isTrue();
                assertThat(json.path("timestamp").asText()).as(json.toString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
                assertThat(json.path("level").asText()).as(json.toString()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                assertThat(json.path("logger").asText()).as(json.toString()).isNotBlank();
                assertThat(json.has("message")).as(json.toString()).isTrue();
            });
            List<JsonNode> hostLines = lines.stream().filter(j -> j.path("logger").asText().endsWith("HostReconciler")).toList();
            assertThat(hostLines).as("the host controller's lines").isNotEmpty()
                    .anySatisfy(json -> assertThat(json.path("message").asText()).contains("-> provisioned"))
                    .allSatisfy(json -> {
                assertThat(json.path("kind").asText()).as(json.toString()).isEqualTo("BareMetalHost");
                assertThat(json.path("namespace").asText()).as(json.toString()).isEqualTo("default");
                assertThat(json.path("message").asText()).as(json.toString()).contains("default/" + json.path("name").asText() + ":");
            });
            assertThat(lines).as("the demo's own table is a log line too")
                    .anySatisfy(json -> assertThat(json.path("message").asText()).contains("HOST", "POWER", "provisioned"));
        }
    }
}
