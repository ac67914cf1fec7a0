package io.metalkube.ipmi.wire;

/**
 * RMCP+ Open Session Response (IPMI v2.0 §13.18): message tag, RMCP+ status code, maximum privilege, reserved, the
 * console's session ID, the BMC's session ID and the three chosen algorithm payloads. With a non-zero status the BMC
 * may stop after the console session ID (8 bytes) or even after the status code; the missing fields decode as 0.
 */
public record OpenSessionResponse(int messageTag, int statusCode, int maxPrivilege, int consoleSessionId,
                                  int bmcSessionId, int authAlgorithm, int integrityAlgorithm, int confidentialityAlgorithm) {

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u8(messageTag).u8(statusCode).u8(maxPrivilege).u8(0).u32le(consoleSessionId).u32le(bmcSessionId);
        AlgorithmPayloads.encode(w, authAlgorithm, integrityAlgorithm, confidentialityAlgorithm);
        return w.toByteArray();
    }

    public static OpenSessionResponse decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        int status = r.u8("status code");
        if (status != 0 && r.remaining() < 6) {
            return new OpenSessionResponse(tag, status, 0, 0, 0, 0, 0, 0); // some BMCs stop right after the status
        }
        int privilege = r.u8("maximum privilege") & 0x0f;
        r.skip(1, "reserved");
        int consoleId = r.u32le("console session ID");
        if (status != 0 && r.remaining() == 0) {
            return new OpenSessionResponse(tag, status, privilege, consoleId, 0, 0, 0, 0);
        }
        int bmcId = r.u32le("BMC session ID");
        int[] algs = AlgorithmPayloads.decode(r);
        return new OpenSessionResponse(tag, status, privilege, consoleId, bmcId, algs[0], algs[1], algs[2]);
    }
}
