package io.metalkube.ipmi.wire;

/** The three 8-byte algorithm records in Open Session Request/Response (IPMI v2.0 §13.17, §13.18). */
final class AlgorithmPayloads {

    private AlgorithmPayloads() {
    }

    static void encode(WireWriter w, int auth, int integrity, int confidentiality) {
        record(w, 0x00, auth);
        record(w, 0x01, integrity);
        record(w, 0x02, confidentiality);
    }

    private static void record(WireWriter w, int type, int algorithm) {
        w.u8(type).zeros(2).u8(0x08).u8(algorithm & 0x3f).zeros(3);
    }

    static int[] decode(WireReader r) {
        int[] algs = new int[3];
        for (int type = 0; type < 3; type++) {
            int found = r.u8("algorithm payload type");
            if (found != type) {
                throw new IpmiDecodeException(String.format("algorithm payload %d has type %02xh", type, found));
            }
            r.skip(2, "reserved");
            int length = r.u8("algorithm payload length");
            if (length != 0x08) {
                throw new IpmiDecodeException("algorithm payload length " + length + ", expected 8");
            }
            algs[type] = r.u8("algorithm") & 0x3f;
            r.skip(3, "reserved");
        }
        return algs;
    }
}
