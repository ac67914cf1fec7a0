package io.metalkube.kubernetes.admission;

/**
 * What to answer the API server: HTTP 200 with an AdmissionReview for every well-formed review (allowed or denied),
 * HTTP 400 with a JSON Status when the request body is not an AdmissionReview v1 at all.
 */
public record WebhookReply(int httpStatus, String body) {
}
