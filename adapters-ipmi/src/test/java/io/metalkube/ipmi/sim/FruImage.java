package io.metalkube.ipmi.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a FRU image (FRU spec v1.0 §8, §11, §12) with a board and a product area of 8-bit ASCII fields, for the simulator. */
public final class FruImage {

    private FruImage() {
    }

    public static byte[] of(String boardManufacturer, String boardProduct, String boardSerial,
                            String productManufacturer, String productName, String productVersion, String productSerial) {
        byte[] board = area(new byte[]{0x01, 0, 0x19, 0, 0, 0}, boardManufacturer, boardProduct, boardSerial, "PN-1", "");
        byte[] product = area(new byte[]{0x01, 0, 0x19}, productManufacturer, productName, "MODEL-1", productVersion, productSerial, "", "");
        byte[] header = {0x01, 0, 0, 1, (byte) (1 + board.length / 8), 0, 0, 0};
        header[7] = checksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(board);
        out.writeBytes(product);
        return out.toByteArray();
    }

    private static byte[] area(byte[] fixed, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fixed);
        for (String f : fields) {
            byte[] b = f.getBytes(StandardCharsets.ISO_8859_1);
            out.write(0xc0 | b.length);
            out.writeBytes(b);
        }
        out.write(0xc1);
        while ((out.size() + 1) % 8 != 0) {
            out.write(0);
        }
        out.write(0);
        byte[] a = out.toByteArray();
        a[1] = (byte) (a.length / 8);
        a[a.length - 1] = checksum(a, a.length - 1);
        return a;
    }

    static byte checksum(byte[] b, int upTo) {
        int sum = 0;
        for (int i = 0; i < upTo; i++) {
            sum += b[i] & 0xff;
        }
        return (byte) (-sum);
    }
}
