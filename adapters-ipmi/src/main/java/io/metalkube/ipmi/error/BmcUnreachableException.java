package io.metalkube.ipmi.error;

/** The BMC did not answer in time (or nothing listens on its UDP port). */
public final class BmcUnreachableException extends IpmiException {

    public BmcUnreachableException(String bmc, String message, Throwable cause) {
        super(bmc, message, cause);
    }
}
