package io.metalkube.redfish.wire;

import io.metalkube.redfish.error.RedfishException;

/** The one error every decoder in this package raises for malformed JSON or a resource of the wrong shape. */
public final class RedfishDecodeException extends RedfishException {

    public RedfishDecodeException(String detail) {
        super("", detail, null);
    }

    public RedfishDecodeException(String detail, Throwable cause) {
        super("", detail, cause);
    }
}
