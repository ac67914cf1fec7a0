package io.metalkube.ipmi.wire;

/**
 * RAKP Message 4 (IPMI v2.0 §13.23): message tag, RMCP+ status code, 2 reserved, the console's session ID and the
 * integrity check value (12 bytes for HMAC-SHA1-96, 16 for HMAC-SHA256-128) over Rm, the BMC session ID and GUID.
 */
public record Rakp4(int messageTag, int statusCode, int consoleSessionId, byte[] integrityCheckValue) {

    public Rakp4 {
        integrityCheckValue = integrityCheckValue.clone();
    }

    @Override
    public byte[] integrityCheckValue() {
        return integrityCheckValue.clone();
    }

    public byte[] encode() {
        return new WireWriter().u8(messageTag).u8(statusCode).zeros(2).u32le(consoleSessionId).bytes(integrityCheckValue).toByteArray();
    }

    public static Rakp4 decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        int status = r.u8("status code");
        r.skip(2, "reserved");
        int consoleId = r.u32le("console session ID");
        return new Rakp4(tag, status, consoleId, status == 0 ? r.rest() : new byte[0]);
    }
}
