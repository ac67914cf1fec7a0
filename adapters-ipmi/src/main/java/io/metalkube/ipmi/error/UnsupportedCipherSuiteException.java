package io.metalkube.ipmi.error;

/** The BMC does not support the configured cipher suite, or the suite is refused as insecure. */
public final class UnsupportedCipherSuiteException extends IpmiException {

    public UnsupportedCipherSuiteException(String bmc, String message) {
        super(bmc, message, null);
    }
}
