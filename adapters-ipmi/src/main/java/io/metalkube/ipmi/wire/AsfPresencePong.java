package io.metalkube.ipmi.wire;

/**
 * ASF Presence Pong (ASF 2.0 §3.2.4.3; IPMI v2.0 §13.2.3): type 40h with 16 data bytes: IANA enterprise number,
 * OEM-defined, supported entities (bit 7 = IPMI supported, bits 3:0 = ASF version), supported interactions, 6 reserved.
 */
public record AsfPresencePong(int messageTag, int enterprise, int oemDefined, int supportedEntities, int supportedInteractions) {

    private static final int DATA_LENGTH = 16;

    /** True when the responder says it speaks IPMI (supported entities bit 7). */
    public boolean ipmiSupported() {
        return (supportedEntities & 0x80) != 0;
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        new RmcpHeader(RmcpHeader.NO_ACK, RmcpHeader.MessageClass.ASF).encode(w);
        w.u32be(AsfPresencePing.ASF_IANA).u8(AsfPresencePing.TYPE_PONG).u8(messageTag).u8(0).u8(DATA_LENGTH);
        w.u32be(enterprise).u32be(oemDefined).u8(supportedEntities).u8(supportedInteractions).zeros(6);
        return w.toByteArray();
    }

    public static AsfPresencePong decode(byte[] datagram) {
        WireReader r = new WireReader(datagram);
        AsfPresencePing.AsfHeader h = AsfPresencePing.AsfHeader.decode(r, AsfPresencePing.TYPE_PONG);
        if (h.dataLength() < DATA_LENGTH) {
            throw new IpmiDecodeException("ASF presence pong needs 16 data bytes, length says " + h.dataLength());
        }
        int enterprise = r.u32be("pong enterprise");
        int oem = r.u32be("pong OEM-defined");
        int entities = r.u8("pong supported entities");
        int interactions = r.u8("pong supported interactions");
        r.skip(6, "pong reserved");
        return new AsfPresencePong(h.tag(), enterprise, oem, entities, interactions);
    }
}
