package io.metalkube.ipmi.wire;

import java.nio.charset.StandardCharsets;

/**
 * RAKP Message 1 (IPMI v2.0 §13.20): message tag, 3 reserved, the BMC's session ID, the console random number Rm
 * (16 bytes), the requested role (bits 3:0 privilege, bit 4 name-only lookup), 2 reserved, user name length and the
 * user name (at most 16 bytes, no terminator).
 */
public record Rakp1(int messageTag, int bmcSessionId, byte[] consoleRandom, int role, String username) {

    public Rakp1 {
        consoleRandom = consoleRandom.clone();
        if (consoleRandom.length != 16) {
            throw new IllegalArgumentException("Rm is 16 bytes");
        }
        if (username.getBytes(StandardCharsets.ISO_8859_1).length > 16) {
            throw new IllegalArgumentException("an IPMI user name is at most 16 bytes");
        }
    }

    @Override
    public byte[] consoleRandom() {
        return consoleRandom.clone();
    }

    public byte[] encode() {
        byte[] name = username.getBytes(StandardCharsets.ISO_8859_1);
        return new WireWriter().u8(messageTag).zeros(3).u32le(bmcSessionId).bytes(consoleRandom).u8(role).zeros(2)
                .u8(name.length).bytes(name).toByteArray();
    }

    public static Rakp1 decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        r.skip(3, "reserved");
        int bmcId = r.u32le("BMC session ID");
        byte[] rm = r.bytes(16, "Rm");
        int role = r.u8("role");
        r.skip(2, "reserved");
        int length = r.u8("user name length");
        if (length > 16) {
            throw new IpmiDecodeException("user name length " + length + " exceeds 16");
        }
        return new Rakp1(tag, bmcId, rm, role, new String(r.bytes(length, "user name"), StandardCharsets.ISO_8859_1));
    }
}
