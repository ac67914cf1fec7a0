package io.metalkube.domain.host;

/** A condition's status, with the wire names Kubernetes uses. */
public enum ConditionStatus implements WireNamed {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ConditionStatus of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Parses a wire name; anything else (or null) is {@link #UNKNOWN}. */
    public static ConditionStatus fromWire(String wire) {
        return WireNamed.fromWire(ConditionStatus.class, wire).orElse(UNKNOWN);
    }
}
