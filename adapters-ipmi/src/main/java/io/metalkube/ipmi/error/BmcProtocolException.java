package io.metalkube.ipmi.error;

/** The BMC answered with something this client cannot accept (malformed, failed integrity, unexpected state). */
public final class BmcProtocolException extends IpmiException {

    public BmcProtocolException(String bmc, String message, Throwable cause) {
        super(bmc, message, cause);
    }
}
