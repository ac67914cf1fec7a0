package io.metalkube.ipmi.error;

/** Generic completion codes (IPMI v2.0 §5.2, table 5-2) as readable text. */
public final class CompletionCodes {

    private CompletionCodes() {
    }

    public static boolean isTemporary(int cc) {
        return cc == 0xc0 || cc == 0xc3;
    }

    public static String describe(int cc) {
        String text = switch (cc) {
            case 0x00 -> "command completed normally";
            case 0xc0 -> "node busy (temporary, retry later)";
            case 0xc1 -> "invalid command (not supported by this BMC)";
            case 0xc2 -> "command invalid for the given LUN";
            case 0xc3 -> "timeout while processing the command (temporary)";
            case 0xc4 -> "out of space";
            case 0xc5 -> "reservation cancelled or invalid reservation ID";
            case 0xc6 -> "request data truncated";
            case 0xc7 -> "request data length invalid";
            case 0xc8 -> "request data field length limit exceeded";
            case 0xc9 -> "parameter out of range";
            case 0xca -> "cannot return the number of requested data bytes";
            case 0xcb -> "requested sensor, data or record not present";
            case 0xcc -> "invalid data field in request";
            case 0xcd -> "command illegal for the specified sensor or record type";
            case 0xce -> "command response could not be provided";
            case 0xcf -> "cannot execute a duplicated request";
            case 0xd0 -> "SDR repository in update mode";
            case 0xd1 -> "device in firmware update mode";
            case 0xd2 -> "BMC initialization in progress (temporary)";
            case 0xd3 -> "destination unavailable";
            case 0xd4 -> "insufficient privilege level for this command (use an ADMINISTRATOR or OPERATOR user)";
            case 0xd5 -> "command not supported in the present state";
            case 0xd6 -> "command sub-function disabled or unavailable";
            case 0xff -> "unspecified error";
            default -> cc >= 0x80 && cc <= 0xbe ? "command-specific error" : "unknown completion code";
        };
        return String.format("completion code %02Xh, %s", cc, text);
    }
}
