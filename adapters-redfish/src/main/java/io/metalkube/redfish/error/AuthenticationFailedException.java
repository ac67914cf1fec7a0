package io.metalkube.redfish.error;

/** The BMC refused the user name and password (HTTP 401 on login or on Basic authentication). */
public final class AuthenticationFailedException extends RedfishException {

    public AuthenticationFailedException(String bmc, String detail) {
        super(bmc, detail, null);
    }
}
