package io.metalkube.ipmi.error;

/**
 * Base of every error this client raises. The message names the BMC and says what to do; it never contains the
 * password. Subtypes let callers tell a dead BMC from bad credentials from a refused command.
 */
public abstract class IpmiException extends RuntimeException {

    private final String bmc;
    private final String detail;

    protected IpmiException(String bmc, String message, Throwable cause) {
        super("BMC " + bmc + ": " + message, cause);
        this.bmc = bmc;
        this.detail = message;
    }

    /** The message without the "BMC host:port: " prefix. */
    public String detail() {
        return detail;
    }

    /** host:port of the BMC concerned. */
    public String bmc() {
        return bmc;
    }
}
