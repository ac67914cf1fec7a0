package io.metalkube.redfish.error;

/**
 * The BMC did not answer: connection refused, no connection or no answer within the timeout, or the connection was
 * dropped mid-request. Only a dropped connection is worth one immediate retry (BMCs that close reused connections).
 */
public final class BmcUnreachableException extends RedfishException {

    private final boolean dropped;

    public BmcUnreachableException(String bmc, String detail, boolean dropped, Throwable cause) {
        super(bmc, detail, cause);
        this.dropped = dropped;
    }

    /** The connection was reset or closed before an answer came (not refused, not timed out). */
    public boolean dropped() {
        return dropped;
    }
}
