package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.SecretRef;

import java.util.Objects;

/**
 * A consumer (usually a Machine) asking for one host matching {@code selector}, to be provisioned with
 * {@code image} (may be null: claim only) and {@code userData}.
 *
 * @param nodeReuseGroup the MachineDeployment or control plane the consumer belongs to, as CAPM3 writes it in the
 *                       {@value ClaimPolicy#NODE_REUSE_LABEL} label of hosts it books for reuse; null for none
 */
public record ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData,
                           String nodeReuseGroup) {

    public ClaimRequest {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(namespace, "namespace");
        selector = selector == null ? LabelSelector.everything() : selector;
        nodeReuseGroup = nodeReuseGroup == null || nodeReuseGroup.isBlank() ? null : nodeReuseGroup;
    }

    /** A request from a consumer outside any node-reuse group (the seed's Machines). */
    public ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData) {
        this(consumer, namespace, selector, image, userData, null);
    }

    /** The same request with {@code fallback} as its image when it names none. */
    public ClaimRequest withImageIfNone(Image fallback) {
        return image != null || fallback == null ? this
                : new ClaimRequest(consumer, namespace, selector, fallback, userData, nodeReuseGroup);
    }
}
