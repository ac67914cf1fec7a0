package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.WireReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The parts of a FRU inventory an operator cares about, parsed from raw FRU data (Platform Management FRU
 * Information Storage Definition v1.0: common header §8, board info area §11, product info area §12, type/length
 * byte §13). Missing areas or fields are null.
 */
public record FruInventory(String boardManufacturer, String boardProductName, String boardSerial,
                           String productManufacturer, String productName, String productSerial, String productVersion) {

    private static final int END_OF_FIELDS = 0xc1;

    public static FruInventory parse(byte[] fru) {
        WireReader h = new WireReader(fru);
        int format = h.u8("FRU common header format version");
        if ((format & 0x0f) != 0x01) {
            throw new IpmiDecodeException(String.format("FRU common header format version %02xh, expected 01h", format));
        }
        h.u8("internal use offset");
        h.u8("chassis info offset");
        int board = h.u8("board area offset") * 8;
        int product = h.u8("product area offset") * 8;
        h.skip(3, "multirecord offset, pad and checksum");
        checksum(fru, 0, 8, "common header");
        List<String> b = board == 0 ? List.of() : fields(fru, board, 6, "board");
        List<String> p = product == 0 ? List.of() : fields(fru, product, 3, "product");
        return new FruInventory(at(b, 0), at(b, 1), at(b, 2), at(p, 0), at(p, 1), at(p, 4), at(p, 3));
    }

    private static String at(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i) : null;
    }

    /** Reads the type/length fields of an area whose fixed part is {@code fixed} bytes long. */
    private static List<String> fields(byte[] fru, int offset, int fixed, String area) {
        WireReader r = new WireReader(fru, Math.min(offset, fru.length), fru.length - Math.min(offset, fru.length));
        r.u8(area + " area format version");
        int length = r.u8(area + " area length") * 8;
        if (length < fixed + 2 || offset + length > fru.length) {
            throw new IpmiDecodeException("FRU " + area + " area length " + length + " does not fit the " + fru.length + "-byte FRU");
        }
        checksum(fru, offset, offset + length, area + " area");
        r.skip(fixed - 2, area + " area fixed fields");
        List<String> out = new ArrayList<>();
        int end = offset + length;
        while (r.position() < end - 1) {
            int typeLength = r.u8(area + " type/length");
            if (typeLength == END_OF_FIELDS) {
                break;
            }
            int n = typeLength & 0x3f;
            if (r.position() + n > end) {
                throw new IpmiDecodeException("FRU " + area + " field of " + n + " bytes runs past the area");
            }
            out.add(decode(typeLength >>> 6, r.bytes(n, area + " field")));
        }
        return out;
    }

    private static void checksum(byte[] fru, int from, int to, String what) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += fru[i] & 0xff;
        }
        if ((sum & 0xff) != 0) {
            throw new IpmiDecodeException("FRU " + what + " checksum does not match");
        }
    }

    /** Type/length type codes (§13.1): 0 binary, 1 BCD plus, 2 6-bit ASCII packed, 3 8-bit text. */
    private static String decode(int type, byte[] data) {
        String text = switch (type) {
            case 0 -> HexFormat.of().formatHex(data);
            case 1 -> bcdPlus(data);
            case 2 -> sixBitAscii(data);
            default -> new String(data, StandardCharsets.ISO_8859_1);
        };
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    private static String bcdPlus(byte[] data) {
        String digits = "0123456789 -.???";
        StringBuilder s = new StringBuilder();
        for (byte b : data) {
            s.append(digits.charAt((b >>> 4) & 0x0f)).append(digits.charAt(b & 0x0f));
        }
        return s.toString();
    }

    private static String sixBitAscii(byte[] data) {
        StringBuilder s = new StringBuilder();
        int bits = 0;
        int count = 0;
        for (byte b : data) {
            bits |= (b & 0xff) << count;
            count += 8;
            while (count >= 6) {
                s.append((char) ((bits & 0x3f) + 0x20));
                bits >>>= 6;
                count -= 6;
            }
        }
        return s.toString();
    }
}
