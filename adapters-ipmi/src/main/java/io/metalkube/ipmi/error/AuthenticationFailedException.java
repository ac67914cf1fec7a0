package io.metalkube.ipmi.error;

/** The BMC refused the user name or password, or the user lacks the requested privilege. */
public final class AuthenticationFailedException extends IpmiException {

    public AuthenticationFailedException(String bmc, String message) {
        super(bmc, message, null);
    }
}
