package io.metalkube.kubernetes.mapping;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.metalkube.domain.host.ConditionStatus;
import io.metalkube.domain.host.HostConditionRules;
import io.metalkube.domain.host.HostStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * status.conditions on the wire (Kubernetes conventions: type, status True/False/Unknown, CamelCase reason, message,
 * lastTransitionTime, observedGeneration). What they mean is the domain's ({@link HostConditionRules}, metal3's
 * types and reasons); this class only maps them to and from fabric8's Condition.
 */
public final class HostConditions {

    private HostConditions() {
    }

    public static List<Condition> of(HostStatus s, List<Condition> previous, Long generation, Instant now) {
        List<Condition> out = new ArrayList<>();
        for (io.metalkube.domain.host.Condition c : HostConditionRules.of(s, toDomain(previous), now)) {
            out.add(new ConditionBuilder().withType(c.type()).withStatus(c.status().wireName()).withReason(c.reason())
                    .withMessage(c.message()).withObservedGeneration(generation)
                    .withLastTransitionTime(c.lastTransitionTime().toString()).build());
        }
        return out;
    }

    /** The stored conditions as the domain reads them; an entry without a type or a readable time keeps no time. */
    static List<io.metalkube.domain.host.Condition> toDomain(List<Condition> wire) {
        List<io.metalkube.domain.host.Condition> out = new ArrayList<>();
        if (wire != null) {
            for (Condition c : wire) {
                if (c != null && c.getType() != null) {
                    out.add(new io.metalkube.domain.host.Condition(c.getType(), ConditionStatus.fromWire(c.getStatus()),
                            c.getReason() == null ? "" : c.getReason(), c.getMessage(), time(c.getLastTransitionTime())));
                }
            }
        }
        return out;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // an unreadable time restarts at now: the condition is still written, with a fresh time
        }
    }

    /** True when both lists say the same, ignoring lastTransitionTime. */
    public static boolean same(List<Condition> a, List<Condition> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return a == b;
        }
        for (int i = 0; i < a.size(); i++) {
            Condition x = a.get(i);
            Condition y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return false;
                }
                continue;
            }
            if (!Objects.equals(x.getType(), y.getType()) || !Objects.equals(x.getStatus(), y.getStatus())
                    || !Objects.equals(x.getReason(), y.getReason()) || !Objects.equals(x.getMessage(), y.getMessage())
                    || !Objects.equals(x.getObservedGeneration(), y.getObservedGeneration())) {
                return false;
            }
        }
        return true;
    }
}
