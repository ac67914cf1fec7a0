package io.metalkube.application.port.out;

/** A compare-and-set write lost: the object changed since it was read. Re-read and decide again. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
