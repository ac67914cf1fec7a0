package io.metalkube.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The kubectl gateway's server-side printing follows the CRD's printer columns. */
class PrinterTableTest {

    @Test
    void aHostListBecomesATableWithTheCrdsColumns() throws Exception {
        List<PrinterTable.Column> columns = PrinterTable.columns("metal3.io", "baremetalhosts").orElseThrow();
        assertThat(columns).extracting(PrinterTable.Column::name).contains("State", "Consumer", "Online", "Error", "Age");
        String list = """
                {"kind":"List","metadata":{"resourceVersion":"42"},"items":[{"apiVersion":"metal3.io/v1alpha1","kind":"BareMetalHost",
                 "metadata":{"name":"host-0","namespace":"default","creationTimestamp":"2026-11-29T01:00:00Z"},
                 "spec":{"online":true,"consumerRef":{"name":"m-1"}},"status":{"provisioning":{"state":"provisioned"}}}]}""";

        JsonNode table = new ObjectMapper().readTree(PrinterTable.render(list.getBytes(StandardCharsets.UTF_8), columns,
                Instant.parse("2026-11-29T01:05:00Z")));

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        List<String> names = table.path("columnDefinitions").findValuesAsText("name");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("host-0");
        assertThat(cells.get(names.indexOf("State")).asText()).isEqualTo("provisioned");
        assertThat(cells.get(names.indexOf("Consumer")).asText()).isEqualTo("m-1");
        assertThat(cells.get(names.indexOf("Online")).asBoolean()).isTrue();
        assertThat(cells.get(names.indexOf("Error")).isNull()).isTrue();
        assertThat(cells.get(names.indexOf("Age")).asText()).isEqualTo("5m");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("name").asText()).isEqualTo("host-0");
    }

    @Test
    void onlyTableGetsOfOurResourcesAreRendered() {
        String table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        assertThat(PrinterTable.matches("GET", "/apis/metal3.io/v1alpha1/namespaces/default/baremetalhosts", table)).isPresent();
        assertThat(PrinterTable.matches("GET", "/apis/cluster.k8s.io/v1alpha1/machines", table)).isPresent();
        assertThat(PrinterTable.matches("GET", "/apis/metal3.io/v1alpha1/namespaces/default/baremetalhosts/h", "application/json")).isEmpty();
        assertThat(PrinterTable.matches("PUT", "/apis/metal3.io/v1alpha1/namespaces/default/baremetalhosts/h", table)).isEmpty();
        assertThat(PrinterTable.matches("GET", "/api/v1/namespaces/default/secrets", table)).isEmpty();
        assertThat(PrinterTable.age("not a time", Instant.EPOCH)).isEqualTo("not a time");
        assertThat(PrinterTable.age("2026-11-27T01:00:00Z", Instant.parse("2026-11-29T02:00:00Z"))).isEqualTo("2d");
    }
}
