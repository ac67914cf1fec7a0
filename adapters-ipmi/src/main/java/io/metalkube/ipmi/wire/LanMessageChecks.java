package io.metalkube.ipmi.wire;

/** Checks the two IPMI LAN message checksums (IPMI v2.0 §13.8): header bytes 0..2 and bytes 3..end each sum to 0. */
final class LanMessageChecks {

    private LanMessageChecks() {
    }

    static void checksums(byte[] m, String what) {
        if (Checksum.of(m, 0, 3) != 0) {
            throw new IpmiDecodeException("IPMI " + what + " header checksum (checksum 1) does not match");
        }
        if (Checksum.of(m, 3, m.length) != 0) {
            throw new IpmiDecodeException("IPMI " + what + " data checksum (checksum 2) does not match");
        }
    }
}
