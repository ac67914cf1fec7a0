package io.metalkube.domain.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One matchExpressions entry, validated on construction. */
public record Requirement(String key, SelectorOperator operator, List<String> values) {

    public Requirement {
        Objects.requireNonNull(operator, "operator");
        if (key == null || key.isBlank()) {
            throw new InvalidSelectorException("a matchExpressions entry has an empty key");
        }
        values = values == null ? List.of() : List.copyOf(values);
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw new InvalidSelectorException("matchExpressions " + key + " " + operator.wireName() + " needs at least one value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    throw new InvalidSelectorException("matchExpressions " + key + " " + operator.wireName() + " takes no values");
                }
            }
            case GT, LT -> {
                if (values.size() != 1 || parseLong(values.get(0)) == null) {
                    throw new InvalidSelectorException("matchExpressions " + key + " " + operator.wireName() + " needs exactly one integer value");
                }
            }
        }
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case IN -> value != null && values.contains(value);
            case NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> labels.containsKey(key);
            case DOES_NOT_EXIST -> !labels.containsKey(key);
            case GT -> compare(value) > 0;
            case LT -> compare(value) < 0 && compare(value) != Integer.MIN_VALUE;
        };
    }

    /** Sign of label - bound; MIN_VALUE when the label is missing or not an integer (never matches). */
    private int compare(String value) {
        Long label = parseLong(value);
        if (label == null) {
            return Integer.MIN_VALUE;
        }
        return Long.compare(label, parseLong(values.get(0)));
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return switch (operator) {
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case GT -> key + ">" + values.get(0);
            case LT -> key + "<" + values.get(0);
            default -> key + " " + operator.wireName().toLowerCase(java.util.Locale.ROOT) + " (" + String.join(",", values) + ")";
        };
    }
}
