package io.metalkube.ipmi.wire;

/**
 * The 4-byte RMCP header that starts every datagram (IPMI v2.0 §13.1.3; ASF 2.0 §3.2.2.2): version 06h,
 * reserved 00h, sequence number (FFh = no RMCP ACK, as IPMI requires) and the message class.
 */
public record RmcpHeader(int sequence, MessageClass messageClass) {

    public static final int LENGTH = 4;
    public static final int VERSION = 0x06;
    public static final int NO_ACK = 0xff;

    /** RMCP message classes used by IPMI (bit 7 = ACK is not supported here). */
    public enum MessageClass {
        ASF(0x06), IPMI(0x07);

        private final int code;

        MessageClass(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static MessageClass of(int code) {
            for (MessageClass c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            throw new IpmiDecodeException(String.format("unsupported RMCP message class %02xh (only ASF 06h and IPMI 07h)", code));
        }
    }

    public static RmcpHeader ipmi() {
        return new RmcpHeader(NO_ACK, MessageClass.IPMI);
    }

    public void encode(WireWriter w) {
        w.u8(VERSION).u8(0).u8(sequence).u8(messageClass.code());
    }

    public static RmcpHeader decode(WireReader r) {
        int version = r.u8("RMCP version");
        if (version != VERSION) {
            throw new IpmiDecodeException(String.format("not RMCP: version %02xh, expected 06h", version));
        }
        r.u8("RMCP reserved");
        int sequence = r.u8("RMCP sequence");
        return new RmcpHeader(sequence, MessageClass.of(r.u8("RMCP class")));
    }

    /** The class of a datagram without decoding the rest. */
    public static MessageClass peekClass(byte[] datagram) {
        return decode(new WireReader(datagram)).messageClass();
    }
}
