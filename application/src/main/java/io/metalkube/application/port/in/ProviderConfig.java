package io.metalkube.application.port.in;

import io.metalkube.domain.claim.ClaimRequest;

/** A Machine's provider config, already read by the adapter: a claim request, or why it cannot be one. */
public sealed interface ProviderConfig {

    record Valid(ClaimRequest request) implements ProviderConfig {
    }

    /** Shown as Machine status errorReason InvalidConfiguration with this message. */
    record Invalid(String message) implements ProviderConfig {
    }
}
