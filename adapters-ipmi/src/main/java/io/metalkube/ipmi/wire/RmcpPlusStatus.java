package io.metalkube.ipmi.wire;

/** RMCP+ and RAKP message status codes (IPMI v2.0 §13.24, "RMCP+ and RAKP Message Status Codes"). */
public final class RmcpPlusStatus {

    public static final int NO_ERRORS = 0x00;
    public static final int INSUFFICIENT_RESOURCES = 0x01;
    public static final int INVALID_SESSION_ID = 0x02;
    public static final int INVALID_ROLE = 0x09;
    public static final int UNAUTHORIZED_ROLE = 0x0a;
    public static final int UNAUTHORIZED_NAME = 0x0d;
    public static final int INVALID_INTEGRITY_CHECK = 0x0f;
    public static final int INVALID_CONFIDENTIALITY_ALGORITHM = 0x10;
    public static final int NO_CIPHER_SUITE_MATCH = 0x11;

    private RmcpPlusStatus() {
    }

    public static String describe(int code) {
        return switch (code) {
            case 0x00 -> "no errors";
            case 0x01 -> "insufficient resources to create a session";
            case 0x02 -> "invalid session ID";
            case 0x03 -> "invalid payload type";
            case 0x04 -> "invalid authentication algorithm";
            case 0x05 -> "invalid integrity algorithm";
            case 0x06 -> "no matching authentication payload";
            case 0x07 -> "no matching integrity payload";
            case 0x08 -> "inactive session ID";
            case 0x09 -> "invalid role";
            case 0x0a -> "unauthorized role or privilege level requested";
            case 0x0b -> "insufficient resources to create a session at the requested role";
            case 0x0c -> "invalid name length";
            case 0x0d -> "unauthorized name";
            case 0x0e -> "unauthorized GUID";
            case 0x0f -> "invalid integrity check value";
            case 0x10 -> "invalid confidentiality algorithm";
            case 0x11 -> "no cipher suite match with proposed security algorithms";
            case 0x12 -> "illegal or unrecognized parameter";
            default -> String.format("status %02xh", code);
        };
    }

    /** True when the code says the BMC does not support the proposed algorithms (04h-07h, 10h, 11h). */
    public static boolean isCipherMismatch(int code) {
        return (code >= 0x04 && code <= 0x07) || code == 0x10 || code == 0x11;
    }

    /** True when the code says the user or role is not accepted (09h, 0Ah, 0Ch, 0Dh). */
    public static boolean isCredentialRejection(int code) {
        return code == 0x09 || code == 0x0a || code == 0x0c || code == 0x0d;
    }
}
