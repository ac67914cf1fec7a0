package io.metalkube.domain.bmc;

/** Credentials that cannot be used (empty user name or password). The message never contains the password. */
public final class InvalidCredentialsException extends IllegalArgumentException {
    public InvalidCredentialsException(String message) {
        super(message);
    }
}
