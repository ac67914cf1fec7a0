package io.metalkube.redfish.error;

/**
 * Base of every error this adapter raises. The message names the BMC and says what went wrong; it never contains the
 * password. Subtypes tell a dead BMC from refused credentials from a refused request from an untrusted certificate.
 */
public abstract class RedfishException extends RuntimeException {

    private final String bmc;
    private final String detail;

    protected RedfishException(String bmc, String detail, Throwable cause) {
        super(bmc.isEmpty() ? detail : "BMC " + bmc + ": " + detail, cause);
        this.bmc = bmc;
        this.detail = detail;
    }

    /** The message without the "BMC ...: " prefix. */
    public String detail() {
        return detail;
    }

    /** scheme://host:port of the BMC concerned (empty for a decoder error with no BMC in sight). */
    public String bmc() {
        return bmc;
    }
}
