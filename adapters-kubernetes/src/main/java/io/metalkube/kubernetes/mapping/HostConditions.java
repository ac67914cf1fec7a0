package io.metalkube.kubernetes.mapping;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * status.conditions per Kubernetes conventions (type, status True/False/Unknown, reason in CamelCase, message,
 * lastTransitionTime that moves only when status changes, observedGeneration). Types follow metal3's:
 * Ready, Provisioned, Healthy, Progressing.
 */
public final class HostConditions {

    private HostConditions() {
    }

    public static List<Condition> of(HostStatus s, List<Condition> previous, Long generation, Instant now) {
        String stateReason = camel(s.state());
        boolean error = s.hasError();
        boolean steady = s.state().isSteady();
        boolean provisioned = s.state() == ProvisioningState.PROVISIONED || s.state() == ProvisioningState.EXTERNALLY_PROVISIONED;
        boolean progressing = !steady && s.state() != ProvisioningState.NONE && s.state() != ProvisioningState.UNMANAGED;
        String errorReason = error ? s.errorType().eventReason() : null;
        List<Condition> out = new ArrayList<>();
        out.add(condition("Ready", steady && !error && s.operationalStatus() != OperationalStatus.DETACHED,
                error ? errorReason : stateReason,
                error ? s.errorMessage() : "host is " + label(s.state()), previous, generation, now));
        out.add(condition("Provisioned", provisioned, stateReason, "host is " + label(s.state()), previous, generation, now));
        out.add(condition("Healthy", !error, error ? errorReason : "NoError", error ? s.errorMessage() : "no error reported",
                previous, generation, now));
        out.add(condition("Progressing", progressing, stateReason, progressing ? "host is " + label(s.state()) : "no operation running",
                previous, generation, now));
        return out;
    }

    private static Condition condition(String type, boolean value, String reason, String message, List<Condition> previous,
                                       Long generation, Instant now) {
        String status = value ? "True" : "False";
        String since = now.toString();
        if (previous != null) {
            for (Condition p : previous) {
                if (p != null && type.equals(p.getType()) && status.equals(p.getStatus()) && p.getLastTransitionTime() != null) {
                    since = p.getLastTransitionTime();
                }
            }
        }
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withObservedGeneration(generation).withLastTransitionTime(since).build();
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

    private static String camel(ProvisioningState state) {
        if (state == ProvisioningState.NONE) {
            return "New";
        }
        StringBuilder b = new StringBuilder();
        for (String word : state.wireName().split(" ")) {
            b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return b.toString();
    }

    private static String label(ProvisioningState state) {
        return state == ProvisioningState.NONE ? "new" : state.wireName();
    }
}
