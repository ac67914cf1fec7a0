package io.metalkube.kubernetes.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build step that restores the printer-column order the crd-generator sorted away. */
class PrinterColumnOrderTest {

    static final String GENERATED = """
            spec:
              versions:
              - additionalPrinterColumns:
                - jsonPath: ".metadata.creationTimestamp"
                  name: "Age"
                  priority: 0
                  type: "date"
                - jsonPath: ".spec.x"
                  name: "Unlisted"
                  priority: 1
                  type: "string"
                - jsonPath: ".status.state"
                  name: "State"
                  priority: 0
                  type: "string"
                name: "v1alpha1"
                served: true
            """;

    @Test
    void columnsFollowTheGivenOrderUnknownOnesLastWithoutTheDefaultPriorityAndTheRestIsUntouched() {
        String out = PrinterColumnOrder.reorder(GENERATED, List.of("State", "Age"));
        assertThat(out).isEqualTo("""
                spec:
                  versions:
                  - additionalPrinterColumns:
                    - jsonPath: ".status.state"
                      name: "State"
                      type: "string"
                    - jsonPath: ".metadata.creationTimestamp"
                      name: "Age"
                      type: "date"
                    - jsonPath: ".spec.x"
                      name: "Unlisted"
                      priority: 1
                      type: "string"
                    name: "v1alpha1"
                    served: true
                """);
        assertThat(PrinterColumnOrder.reorder(out, List.of("State", "Age"))).as("idempotent").isEqualTo(out);
    }

    @Test
    void aFileWithoutPrinterColumnsIsUnchanged() {
        String yaml = "spec:\n  versions:\n  - name: \"v1\"\n";
        assertThat(PrinterColumnOrder.reorder(yaml, List.of("State"))).isEqualTo(yaml);
    }
}
