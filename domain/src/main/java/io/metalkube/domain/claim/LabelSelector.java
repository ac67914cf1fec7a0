package io.metalkube.domain.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** matchLabels plus matchExpressions, all of which must hold. The empty selector matches every host. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public LabelSelector {
        matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (e.getKey().isBlank()) {
                throw new InvalidSelectorException("matchLabels has an empty key");
            }
        }
    }

    public static LabelSelector everything() {
        return new LabelSelector(Map.of(), List.of());
    }

    public static LabelSelector ofLabels(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(matchLabels).forEach((k, v) -> parts.add(k + "=" + v));
        matchExpressions.forEach(r -> parts.add(r.toString()));
        return parts.isEmpty() ? "(any host)" : String.join(", ", parts);
    }
}
