package io.metalkube.redfish.error;

/** TLS failed: the BMC's certificate is not trusted by the configured CA bundle (or does not name the host). */
public final class CertificateRefusedException extends RedfishException {

    public CertificateRefusedException(String bmc, String detail, Throwable cause) {
        super(bmc, detail, cause);
    }
}
