package io.metalkube.ipmi.wire;

/** RMCP+ payload types used here (IPMI v2.0 §13.27.3, "Payload Type Numbers"). */
public enum PayloadType {
    IPMI_MESSAGE(0x00),
    OPEN_SESSION_REQUEST(0x10),
    OPEN_SESSION_RESPONSE(0x11),
    RAKP_1(0x12),
    RAKP_2(0x13),
    RAKP_3(0x14),
    RAKP_4(0x15);

    private final int code;

    PayloadType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PayloadType of(int code) {
        for (PayloadType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IpmiDecodeException(String.format("unsupported RMCP+ payload type %02xh", code));
    }
}
