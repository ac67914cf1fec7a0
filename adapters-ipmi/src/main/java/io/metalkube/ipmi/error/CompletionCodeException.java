package io.metalkube.ipmi.error;

/** The BMC answered a command with a non-zero completion code (IPMI v2.0 §5.2, table 5-2). */
public final class CompletionCodeException extends IpmiException {

    private final int completionCode;

    public CompletionCodeException(String bmc, String command, int completionCode) {
        super(bmc, command + " failed: " + CompletionCodes.describe(completionCode), null);
        this.completionCode = completionCode;
    }

    public int completionCode() {
        return completionCode;
    }

    /** C0h (node busy) and C3h (timeout while processing) are temporary: retrying may succeed. */
    public boolean temporary() {
        return CompletionCodes.isTemporary(completionCode);
    }
}
