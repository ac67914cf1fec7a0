package io.metalkube.domain.claim;

import java.util.Locale;
import java.util.Optional;

/** matchExpressions operators (Kubernetes LabelSelectorRequirement, plus Gt/Lt as CAPM3 accepts). */
public enum SelectorOperator {
    IN("In"), NOT_IN("NotIn"), EXISTS("Exists"), DOES_NOT_EXIST("DoesNotExist"), GT("Gt"), LT("Lt");

    private final String wireName;

    SelectorOperator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the Kubernetes spelling in any case, e.g. {@code In}, {@code in}, {@code notin}. */
    public static Optional<SelectorOperator> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String w = wire.toLowerCase(Locale.ROOT);
        for (SelectorOperator op : values()) {
            if (op.wireName.toLowerCase(Locale.ROOT).equals(w)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
