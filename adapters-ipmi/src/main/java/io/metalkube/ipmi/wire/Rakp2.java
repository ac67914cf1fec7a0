package io.metalkube.ipmi.wire;

/**
 * RAKP Message 2 (IPMI v2.0 §13.21): message tag, RMCP+ status code, 2 reserved, the console's session ID, the BMC
 * random number Rc (16), the BMC GUID (16) and the key exchange AuthCode (20 bytes for RAKP-HMAC-SHA1, 32 for
 * RAKP-HMAC-SHA256, none for RAKP-none). With a non-zero status the BMC may stop after the session ID.
 */
public record Rakp2(int messageTag, int statusCode, int consoleSessionId, byte[] bmcRandom, byte[] bmcGuid,
                    byte[] keyExchangeAuthCode) {

    public Rakp2 {
        bmcRandom = bmcRandom.clone();
        bmcGuid = bmcGuid.clone();
        keyExchangeAuthCode = keyExchangeAuthCode.clone();
    }

    @Override
    public byte[] bmcRandom() {
        return bmcRandom.clone();
    }

    @Override
    public byte[] bmcGuid() {
        return bmcGuid.clone();
    }

    @Override
    public byte[] keyExchangeAuthCode() {
        return keyExchangeAuthCode.clone();
    }

    public byte[] encode() {
        WireWriter w = new WireWriter().u8(messageTag).u8(statusCode).zeros(2).u32le(consoleSessionId);
        return w.bytes(bmcRandom).bytes(bmcGuid).bytes(keyExchangeAuthCode).toByteArray();
    }

    public static Rakp2 decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        int status = r.u8("status code");
        r.skip(2, "reserved");
        int consoleId = r.u32le("console session ID");
        if (status != 0) {
            return new Rakp2(tag, status, consoleId, new byte[0], new byte[0], new byte[0]);
        }
        byte[] rc = r.bytes(16, "Rc");
        byte[] guid = r.bytes(16, "BMC GUID");
        return new Rakp2(tag, status, consoleId, rc, guid, r.rest());
    }
}
