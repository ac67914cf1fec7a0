package io.metalkube.redfish.error;

/**
 * The BMC answered a request with an error status (DSP0266 §8.3); the message quotes the BMC's own words from the
 * error body ({@code error.message} and {@code @Message.ExtendedInfo}, §9.4.9), clipped.
 */
public final class RedfishHttpException extends RedfishException {

    private final int status;
    private final String bmcAnswer;

    public RedfishHttpException(String bmc, String request, int status, String bmcAnswer) {
        super(bmc, request + " → HTTP " + status + (bmcAnswer.isEmpty() ? "" : ": \"" + bmcAnswer + "\""), null);
        this.status = status;
        this.bmcAnswer = bmcAnswer;
    }

    public int status() {
        return status;
    }

    /** What the BMC said, quoted and clipped (may be empty). */
    public String bmcAnswer() {
        return bmcAnswer;
    }
}
