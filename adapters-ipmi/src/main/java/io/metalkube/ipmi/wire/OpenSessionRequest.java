package io.metalkube.ipmi.wire;

/**
 * RMCP+ Open Session Request (IPMI v2.0 §13.17): message tag, requested maximum privilege, 2 reserved, the remote
 * console's session ID (LE), then three 8-byte algorithm payloads (authentication, integrity, confidentiality), each
 * {type, 0, 0, 08h, algorithm, 0, 0, 0}.
 */
public record OpenSessionRequest(int messageTag, int requestedPrivilege, int consoleSessionId, int authAlgorithm,
                                 int integrityAlgorithm, int confidentialityAlgorithm) {

    public static final int LENGTH = 32;

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u8(messageTag).u8(requestedPrivilege).zeros(2).u32le(consoleSessionId);
        AlgorithmPayloads.encode(w, authAlgorithm, integrityAlgorithm, confidentialityAlgorithm);
        return w.toByteArray();
    }

    public static OpenSessionRequest decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        int tag = r.u8("message tag");
        int privilege = r.u8("requested privilege") & 0x0f;
        r.skip(2, "reserved");
        int consoleId = r.u32le("console session ID");
        int[] algs = AlgorithmPayloads.decode(r);
        return new OpenSessionRequest(tag, privilege, consoleId, algs[0], algs[1], algs[2]);
    }
}
