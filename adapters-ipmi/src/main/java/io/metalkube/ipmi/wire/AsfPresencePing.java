package io.metalkube.ipmi.wire;

/**
 * ASF Presence Ping (ASF 2.0 §3.2.4.3; IPMI v2.0 §13.2.3): RMCP class ASF, IANA 4542, type 80h, the message tag,
 * a reserved byte and data length 0. ASF fields are big-endian.
 */
public record AsfPresencePing(int messageTag) {

    static final int ASF_IANA = 4542;
    static final int TYPE_PING = 0x80;
    static final int TYPE_PONG = 0x40;

    public byte[] encode() {
        WireWriter w = new WireWriter();
        new RmcpHeader(RmcpHeader.NO_ACK, RmcpHeader.MessageClass.ASF).encode(w);
        w.u32be(ASF_IANA).u8(TYPE_PING).u8(messageTag).u8(0).u8(0);
        return w.toByteArray();
    }

    public static AsfPresencePing decode(byte[] datagram) {
        WireReader r = new WireReader(datagram);
        AsfHeader h = AsfHeader.decode(r, TYPE_PING);
        if (h.dataLength() != 0) {
            throw new IpmiDecodeException("ASF presence ping carries no data, found length " + h.dataLength());
        }
        return new AsfPresencePing(h.tag());
    }

    /** The RMCP + ASF message header shared by ping and pong. */
    record AsfHeader(int tag, int dataLength) {
        static AsfHeader decode(WireReader r, int expectedType) {
            RmcpHeader rmcp = RmcpHeader.decode(r);
            if (rmcp.messageClass() != RmcpHeader.MessageClass.ASF) {
                throw new IpmiDecodeException("expected an ASF message, found RMCP class " + rmcp.messageClass());
            }
            int iana = r.u32be("ASF IANA");
            if (iana != ASF_IANA) {
                throw new IpmiDecodeException("ASF IANA number " + Integer.toUnsignedString(iana) + ", expected 4542");
            }
            int type = r.u8("ASF message type");
            if (type != expectedType) {
                throw new IpmiDecodeException(String.format("ASF message type %02xh, expected %02xh", type, expectedType));
            }
            int tag = r.u8("ASF message tag");
            r.u8("ASF reserved");
            int length = r.u8("ASF data length");
            return new AsfHeader(tag, length);
        }
    }
}
