package io.metalkube.domain.claim;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;

import java.util.List;
import java.util.Optional;

/** One named rule a host must pass to be claimed; {@link #reject} says why not, or empty if it passes. */
public interface ClaimPolicy {

    String name();

    Optional<String> reject(Host host, ClaimRequest request);

    static ClaimPolicy of(String name, java.util.function.BiFunction<Host, ClaimRequest, Optional<String>> rule) {
        return new ClaimPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> reject(Host host, ClaimRequest request) {
                return rule.apply(host, request);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    ClaimPolicy SAME_NAMESPACE = of("same namespace", (h, r) ->
            h.id().namespace().equals(r.namespace()) ? Optional.empty() : Optional.of("in another namespace"));
    ClaimPolicy AVAILABLE = of("available", (h, r) ->
            h.state() == ProvisioningState.AVAILABLE ? Optional.empty() : Optional.of("not available (state \"" + h.state().wireName() + "\")"));
    ClaimPolicy NO_CONSUMER = of("no consumer", (h, r) ->
            h.spec().consumerRef() == null ? Optional.empty() : Optional.of("already consumed by " + h.spec().consumerRef()));
    ClaimPolicy NO_ERROR = of("no error", (h, r) ->
            h.status().hasError() ? Optional.of("in error (" + h.status().errorType().wireName() + ")") : Optional.empty());
    ClaimPolicy NOT_DELETING = of("not being deleted", (h, r) ->
            h.deleting() ? Optional.of("being deleted") : Optional.empty());
    ClaimPolicy NOT_PAUSED_OR_DETACHED = of("not paused or detached", (h, r) ->
            h.annotations().paused() ? Optional.of("paused")
                    : h.annotations().isDetached() ? Optional.of("detached") : Optional.empty());
    ClaimPolicy LABELS_MATCH = of("labels match", (h, r) ->
            r.selector().matches(h.labels()) ? Optional.empty() : Optional.of("labels do not match " + r.selector()));
    /** CAPM3's node-reuse label: the host is booked for the MachineDeployment or control plane it names. */
    String NODE_REUSE_LABEL = "infrastructure.cluster.x-k8s.io/node-reuse";

    /** CAPM3's remediation marks a host it gave up on; chooseHost skips it (issue 13). */
    ClaimPolicy NOT_UNHEALTHY = of("not unhealthy", (h, r) ->
            h.annotations().unhealthy() ? Optional.of("marked unhealthy (capm3.metal3.io/unhealthy)") : Optional.empty());
    /**
     * A host CAPM3 booked for node reuse (label {@value #NODE_REUSE_LABEL} = group) goes only to that group
     * (chooseHost skips it for everyone else; CAPM3 issue 3190 is another consumer taking it).
     */
    ClaimPolicy NOT_RESERVED_FOR_ANOTHER = of("not reserved for another group", (h, r) -> {
        String group = h.labels().get(NODE_REUSE_LABEL);
        return group == null || group.equals(r.nodeReuseGroup()) ? Optional.empty()
                : Optional.of("reserved for node reuse by " + group);
    });

    /**
     * A claim must lead to provisioning: the request names an image (its own or the site's default) or the host
     * carries one in spec.image (or a spec.customDeploy). Otherwise the host would be claimed and never provisioned (issue 14).
     */
    ClaimPolicy IMAGE_TO_PROVISION = of("an image to provision", (h, r) ->
            r.deploys() || h.spec().hasDeployment() ? Optional.empty() : Optional.of("no image to provision"));

    /**
     * Every policy, cheapest and most telling first; {@link #IMAGE_TO_PROVISION} last, so that a host it rejects
     * passed every other rule (the claimer tells "no image" apart from "no host").
     */
    static List<ClaimPolicy> all() {
        return List.of(SAME_NAMESPACE, LABELS_MATCH, NOT_DELETING, NO_CONSUMER, AVAILABLE, NO_ERROR, NOT_PAUSED_OR_DETACHED,
                NOT_UNHEALTHY, NOT_RESERVED_FOR_ANOTHER, IMAGE_TO_PROVISION);
    }
}
