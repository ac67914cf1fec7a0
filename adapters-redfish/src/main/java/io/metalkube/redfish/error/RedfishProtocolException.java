package io.metalkube.redfish.error;

/** The BMC answered, but not as Redfish says it should (a missing link, a resource of the wrong type, no system). */
public final class RedfishProtocolException extends RedfishException {

    public RedfishProtocolException(String bmc, String detail) {
        super(bmc, detail, null);
    }
}
