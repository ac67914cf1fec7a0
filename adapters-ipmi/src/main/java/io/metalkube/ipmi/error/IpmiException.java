package io.metalkube.ipmi.error;

/**
 * Base of every error this client raises. The message names the BMC and says what to do; it never contains the
 * password. Subtypes let callers tell a dead BMC from bad credentials from a refused command.
 */
public abstract class IpmiException extends RuntimeException {

    private final String bmc;

    protected IpmiException(String bmc, String message, Throwable cause) {
        super("BMC " + bmc + ": " + message, cause);
        this.bmc = bmc;
    }

    /** host:port of the BMC concerned. */
    public String bmc() {
        return bmc;
    }
}
