package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.SecretRef;

import java.util.Objects;

/**
 * A consumer (usually a Machine) asking for one host matching {@code selector}, to be provisioned with
 * {@code image} and/or {@code customDeploy} (both null: claim only) and {@code userData}.
 *
 * @param nodeReuseGroup the MachineDeployment or control plane the consumer belongs to, as CAPM3 writes it in the
 *                       {@value ClaimPolicy#NODE_REUSE_LABEL} label of hosts it books for reuse; null for none
 */
public record ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData,
                           String nodeReuseGroup, CustomDeploy customDeploy) {

    public ClaimRequest {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(namespace, "namespace");
        selector = selector == null ? LabelSelector.everything() : selector;
        nodeReuseGroup = nodeReuseGroup == null || nodeReuseGroup.isBlank() ? null : nodeReuseGroup;
    }

    /** A request that names no custom deploy. */
    public ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData,
                        String nodeReuseGroup) {
        this(consumer, namespace, selector, image, userData, nodeReuseGroup, null);
    }

    /** A request from a consumer outside any node-reuse group (the seed's Machines). */
    public ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData) {
        this(consumer, namespace, selector, image, userData, null);
    }

    /**
     * The same request with {@code fallback} as its image when it names no deployment at all (a custom deploy without
     * an image stays one, as OpenShift's baremetal actuator sends it).
     */
    public ClaimRequest withImageIfNone(Image fallback) {
        return deploys() || fallback == null ? this
                : new ClaimRequest(consumer, namespace, selector, fallback, userData, nodeReuseGroup, customDeploy);
    }

    /** The same request, deploying with {@code v} (null: no custom deploy). */
    public ClaimRequest withCustomDeploy(CustomDeploy v) {
        return new ClaimRequest(consumer, namespace, selector, image, userData, nodeReuseGroup, v);
    }

    /** True when the request names something to provision: an image, a custom deploy, or both. */
    public boolean deploys() {
        return image != null || customDeploy != null;
    }
}
