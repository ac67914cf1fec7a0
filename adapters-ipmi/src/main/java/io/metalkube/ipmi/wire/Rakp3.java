package io.metalkube.ipmi.wire;

/**
 * RAKP Message 3 (IPMI v2.0 §13.22): message tag, RMCP+ status code, 2 reserved, the BMC's session ID and the
 * key exchange AuthCode proving the console knows the user's key.
 */
public record Rakp3(int messageTag, int statusCode, int bmcSessionId, byte[] keyExchangeAuthCode) {

    public Rakp3 {
        keyExchangeAuthCode = keyExchangeAuthCode.clone();
    }

    @Override
    public byte[] keyExchangeAuthCode() {
        return keyExchangeAuthCode.clone();
    }

    public byte[] encode() {
        return new WireWriter().u8(messageTag).u8(statusCode).zeros(2).u32le(bmcSessionId).bytes(keyExchangeAuthCode).toByteArray();
    }

    public static Rakp3 decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        int status = r.u8("status code");
        r.skip(2, "reserved");
        return new Rakp3(tag, status, r.u32le("BMC session ID"), r.rest());
    }
}
