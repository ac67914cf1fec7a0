package io.metalkube.domain.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What status.conditions say about a host, as metal3 computes them (baremetal-operator computeConditions; types and
 * reasons from apis/metal3.io/v1alpha1/baremetalhost_types.go), so that a metal3 user's dashboards and alerts read
 * the same:
 * <ul>
 *   <li>{@code Ready}: provisioned (or externally provisioned) and neither in error nor detached;</li>
 *   <li>{@code Provisioned}: in provisioned or externally provisioned;</li>
 *   <li>{@code Healthy}: the BMC's own report of the hardware's health. No back-end of ours reads it yet, so it is
 *       Unknown (reason Unknown), which is what metal3 says for a provisioner that reports none. An error of ours
 *       (a failed registration, say) is not the hardware's health: it shows in Ready, Manageable and errorType;</li>
 *   <li>{@code Progressing}: an operation is under way (registering, inspecting, preparing, provisioning,
 *       deprovisioning, powering off before delete, deleting);</li>
 *   <li>{@code Manageable}: registered with the back-end (False while registering, after a failed registration and
 *       before there are BMC details);</li>
 *   <li>{@code AvailableForProvisioning}: in available, ready to be claimed.</li>
 * </ul>
 * The order is fixed (the four older types first, so a stored list keeps its positions). A condition's
 * lastTransitionTime moves only when its status changes.
 */
public final class HostConditionRules {

    public static final String READY = "Ready";
    public static final String PROVISIONED = "Provisioned";
    public static final String HEALTHY = "Healthy";
    public static final String PROGRESSING = "Progressing";
    public static final String MANAGEABLE = "Manageable";
    public static final String AVAILABLE_FOR_PROVISIONING = "AvailableForProvisioning";

    private HostConditionRules() {
    }

    /** The conditions for {@code status}; {@code previous} (may be null) keeps the times of those that did not change. */
    public static List<Condition> of(HostStatus status, List<Condition> previous, Instant now) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : compute(status)) {
            out.add(c.since(find(previous, c.type()), now));
        }
        return List.copyOf(out);
    }

    private static List<Condition> compute(HostStatus s) {
        ProvisioningState state = s.state();
        String label = "host is " + (state == ProvisioningState.NONE ? "new" : state.wireName());
        boolean provisioned = state == ProvisioningState.PROVISIONED || state == ProvisioningState.EXTERNALLY_PROVISIONED;
        String progressingReason = progressingReason(state);

        Condition ready = provisioned ? yes(READY, "Provisioned", label) : no(READY, "NotProvisioned", label);
        Condition progressing = progressingReason != null ? yes(PROGRESSING, progressingReason, label)
                : no(PROGRESSING, "NotProgressing", "no operation running");
        if (s.operationalStatus() == OperationalStatus.ERROR) {
            ready = no(READY, "Error", s.hasError() ? s.errorType().wireName() + ": " + s.errorMessage() : "host is in error");
        } else if (s.operationalStatus() == OperationalStatus.DETACHED) {
            ready = no(READY, "Detached", "host is detached from its back-end");
            progressing = no(PROGRESSING, "Detached", "host is detached from its back-end");
        }
        return List.of(
                ready,
                provisioned ? yes(PROVISIONED, "Provisioned", label) : no(PROVISIONED, "NotProvisioned", label),
                new Condition(HEALTHY, ConditionStatus.UNKNOWN, "Unknown", "the back-end reports no hardware health for this host", null),
                progressing,
                manageable(s),
                state == ProvisioningState.AVAILABLE ? yes(AVAILABLE_FOR_PROVISIONING, "Available", "host can be claimed")
                        : no(AVAILABLE_FOR_PROVISIONING, "NotAvailable", label));
    }

    private static Condition manageable(HostStatus s) {
        return switch (s.state()) {
            case NONE, UNMANAGED -> no(MANAGEABLE, "NotManaged", "host has no BMC details to register with");
            case REGISTERING -> s.operationalStatus() == OperationalStatus.ERROR
                    ? no(MANAGEABLE, "RegistrationFailed", "registration failed: " + s.errorMessage())
                    : no(MANAGEABLE, "Registering", "host is registering");
            default -> yes(MANAGEABLE, "Manageable", "host is registered");
        };
    }

    /** metal3's Progressing reasons; null for the states where nothing is under way. */
    private static String progressingReason(ProvisioningState state) {
        return switch (state) {
            case REGISTERING -> "Registering";
            case INSPECTING, MATCH_PROFILE -> "Inspecting";
            case PREPARING -> "Preparing";
            case PROVISIONING -> "Provisioning";
            case DEPROVISIONING -> "Deprovisioning";
            case POWERING_OFF_BEFORE_DELETE -> "PoweringOffBeforeDelete";
            case DELETING -> "Deleting";
            case NONE, UNMANAGED, AVAILABLE, PROVISIONED, EXTERNALLY_PROVISIONED -> null;
        };
    }

    private static Condition yes(String type, String reason, String message) {
        return new Condition(type, ConditionStatus.TRUE, reason, message, null);
    }

    private static Condition no(String type, String reason, String message) {
        return new Condition(type, ConditionStatus.FALSE, reason, message, null);
    }

    private static Condition find(List<Condition> conditions, String type) {
        if (conditions != null) {
            for (Condition c : conditions) {
                if (c != null && type.equals(c.type())) {
                    return c;
                }
            }
        }
        return null;
    }
}
