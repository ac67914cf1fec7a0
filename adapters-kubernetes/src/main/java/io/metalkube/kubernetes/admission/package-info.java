/**
 * The validating admission webhook (AdmissionReview {@code admission.k8s.io/v1}) for BareMetalHost and Machine:
 * {@link io.metalkube.kubernetes.admission.AdmissionWebhook} takes the request body the API server posts and returns
 * the reply to send. The checks are the domain's {@code HostValidator} (metal3's webhook, metal3-anchors.md §1.7) plus
 * what only the wire form shows (unknown enum values, an image without URL, malformed annotations, labels).
 */
package io.metalkube.kubernetes.admission;
