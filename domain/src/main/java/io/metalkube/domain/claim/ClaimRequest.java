package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.SecretRef;

import java.util.Objects;

/**
 * A consumer (usually a Machine) asking for one host matching {@code selector}, to be provisioned with
 * {@code image} (may be null: claim only) and {@code userData}.
 */
public record ClaimRequest(ConsumerRef consumer, String namespace, LabelSelector selector, Image image, SecretRef userData) {

    public ClaimRequest {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(namespace, "namespace");
        selector = selector == null ? LabelSelector.everything() : selector;
    }

    /** The same request with {@code fallback} as its image when it names none. */
    public ClaimRequest withImageIfNone(Image fallback) {
        return image != null || fallback == null ? this : new ClaimRequest(consumer, namespace, selector, fallback, userData);
    }
}
