package io.metalkube.domain.claim;

import io.metalkube.domain.host.Host;

import java.util.List;

/** The answer to "which host should this consumer get?". */
public sealed interface ClaimDecision {

    /** The consumer already owns this host (claims are idempotent). */
    record AlreadyClaimed(Host host) implements ClaimDecision {
    }

    /** Claim this host: it passed every policy, and it comes first in the consumer's deterministic order. */
    record Chosen(Host host, List<Host> alternatives) implements ClaimDecision {
    }

    /**
     * No host passed; {@code summary} explains the most common reasons, for status and events.
     *
     * @param lackingOnlyAnImage hosts that passed every rule but {@link ClaimPolicy#IMAGE_TO_PROVISION}: they could
     *                           be claimed if the request named an image
     */
    record NoneAvailable(String summary, int lackingOnlyAnImage) implements ClaimDecision {
        public NoneAvailable(String summary) {
            this(summary, 0);
        }
    }
}
