package io.metalkube.ipmi.wire;

/** The IPMI 8-bit checksum: the two's complement of the byte sum, so that bytes plus checksum sum to 0 (IPMI v2.0 §13.8). */
public final class Checksum {

    private Checksum() {
    }

    public static int of(byte[] data, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += data[i] & 0xff;
        }
        return (-sum) & 0xff;
    }
}
