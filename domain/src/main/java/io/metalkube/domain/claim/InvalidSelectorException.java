package io.metalkube.domain.claim;

/** A host selector that cannot be evaluated; the message says which requirement and why. */
public final class InvalidSelectorException extends IllegalArgumentException {
    public InvalidSelectorException(String message) {
        super(message);
    }
}
