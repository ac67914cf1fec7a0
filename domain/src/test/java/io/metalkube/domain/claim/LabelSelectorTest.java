package io.metalkube.domain.claim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** hostSelector: matchLabels plus matchExpressions with In, NotIn, Exists, DoesNotExist, Gt, Lt (metal3-anchors.md §3.2). */
class LabelSelectorTest {

    private static final Map<String, String> LABELS = Map.of("rack", "r1", "gpus", "2", "role", "worker");

    private static List<String> values(String list) {
        return list == null ? List.of() : Arrays.asList(list.split(";"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # key    | operator     | values   | matches
            rack     | In           | r1       | true
            rack     | In           | r2;r1    | true
            rack     | In           | r2;r3    | false
            missing  | In           | x        | false
            rack     | NotIn        | r2       | true
            rack     | NotIn        | r1;r2    | false
            missing  | NotIn        | x        | true
            gpus     | Exists       |          | true
            missing  | Exists       |          | false
            missing  | DoesNotExist |          | true
            gpus     | DoesNotExist |          | false
            gpus     | Gt           | 1        | true
            gpus     | Gt           | 2        | false
            gpus     | Gt           | -1       | true
            rack     | Gt           | 0        | false
            missing  | Gt           | 0        | false
            gpus     | Lt           | 3        | true
            gpus     | Lt           | 2        | false
            rack     | Lt           | 5        | false
            missing  | Lt           | 5        | false
            """)
    void matchExpressions(String key, String operator, String values, boolean matches) {
        SelectorOperator op = SelectorOperator.fromWire(operator).orElseThrow();
        LabelSelector selector = new LabelSelector(Map.of(), List.of(new Requirement(key, op, values(values))));

        assertThat(selector.matches(LABELS)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            role=worker          | true
            role=master          | false
            role=worker;rack=r1  | true
            role=worker;rack=r2  | false
            zone=a               | false
            """)
    void matchLabels(String pairs, boolean matches) {
        Map<String, String> wanted = new java.util.HashMap<>();
        for (String pair : pairs.split(";")) {
            String[] kv = pair.split("=");
            wanted.put(kv[0], kv[1]);
        }
        assertThat(LabelSelector.ofLabels(wanted).matches(LABELS)).isEqualTo(matches);
    }

    @Test
    void everyPartMustHold() {
        LabelSelector selector = new LabelSelector(Map.of("role", "worker"),
                List.of(new Requirement("gpus", SelectorOperator.GT, List.of("1")), new Requirement("rack", SelectorOperator.IN, List.of("r9"))));

        assertThat(selector.matches(LABELS)).isFalse();
        assertThat(selector.matches(Map.of("role", "worker", "gpus", "4", "rack", "r9"))).isTrue();
    }

    @Test
    void theEmptySelectorMatchesEveryHost() {
        assertThat(LabelSelector.everything().matches(Map.of())).isTrue();
        assertThat(LabelSelector.everything().matches(LABELS)).isTrue();
        assertThat(LabelSelector.everything()).hasToString("(any host)");
    }

    @Test
    void operatorsAreReadInAnyCase() {
        assertThat(SelectorOperator.fromWire("in")).contains(SelectorOperator.IN);
        assertThat(SelectorOperator.fromWire("NOTIN")).contains(SelectorOperator.NOT_IN);
        assertThat(SelectorOperator.fromWire("doesnotexist")).contains(SelectorOperator.DOES_NOT_EXIST);
        assertThat(SelectorOperator.fromWire("Gt")).contains(SelectorOperator.GT);
        assertThat(SelectorOperator.fromWire("==")).isEmpty();
        assertThat(SelectorOperator.fromWire(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            rack   | In           |        | needs at least one value
            rack   | NotIn        |        | needs at least one value
            rack   | Exists       | r1     | takes no values
            rack   | DoesNotExist | r1     | takes no values
            gpus   | Gt           | many   | exactly one integer
            gpus   | Lt           | 1;2    | exactly one integer
            gpus   | Gt           |        | exactly one integer
            ' '    | In           | x      | empty key
            """)
    void malformedRequirementsAreRejectedWithAReason(String key, String operator, String values, String reason) {
        SelectorOperator op = SelectorOperator.fromWire(operator).orElseThrow();
        assertThatThrownBy(() -> new Requirement(key, op, values(values)))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining(reason);
    }

    @Test
    void anEmptyMatchLabelsKeyIsRejected() {
        assertThatThrownBy(() -> LabelSelector.ofLabels(Map.of("", "x"))).isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void selectorsReadTheSameInEveryLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(new Requirement("rack", SelectorOperator.IN, List.of("r1"))).hasToString("rack in (r1)");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void selectorsReadLikeKubectl() {
        LabelSelector selector = new LabelSelector(Map.of("role", "worker"), List.of(
                new Requirement("gpus", SelectorOperator.GT, List.of("1")),
                new Requirement("rack", SelectorOperator.NOT_IN, List.of("r1", "r2")),
                new Requirement("spare", SelectorOperator.DOES_NOT_EXIST, List.of())));

        assertThat(selector).hasToString("role=worker, gpus>1, rack notin (r1,r2), !spare");
    }
}
