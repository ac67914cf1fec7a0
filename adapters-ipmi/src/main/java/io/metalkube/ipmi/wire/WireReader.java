package io.metalkube.ipmi.wire;

import java.util.Arrays;

/** Bounds-checked reading of a received datagram; every overrun becomes an {@link IpmiDecodeException}. */
public final class WireReader {

    private final byte[] data;
    private final int end;
    private int pos;

    public WireReader(byte[] data) {
        this(data, 0, data.length);
    }

    public WireReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IpmiDecodeException("bad slice " + offset + "+" + length + " of " + data.length + " bytes");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n, String what) {
        if (n < 0 || remaining() < n) {
            throw new IpmiDecodeException("truncated " + what + ": need " + n + " byte(s) at offset " + pos + ", have " + remaining());
        }
    }

    public int u8(String what) {
        need(1, what);
        return data[pos++] & 0xff;
    }

    public int u16le(String what) {
        need(2, what);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public int u32le(String what) {
        need(4, what);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    public int u32be(String what) {
        need(4, what);
        int v = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8 | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    public void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    public byte[] rest() {
        return bytes(remaining(), "rest");
    }
}
