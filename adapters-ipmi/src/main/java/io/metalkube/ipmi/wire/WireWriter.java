package io.metalkube.ipmi.wire;

import java.util.Arrays;

/** Growable little-endian byte writer for outgoing messages. */
public final class WireWriter {

    private byte[] buf = new byte[64];
    private int len;

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u16le(int v) {
        return u8(v).u8(v >>> 8);
    }

    public WireWriter u32le(int v) {
        return u8(v).u8(v >>> 8).u8(v >>> 16).u8(v >>> 24);
    }

    public WireWriter u32be(int v) {
        return u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
    }

    public WireWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public WireWriter zeros(int n) {
        ensure(n);
        len += n; // the buffer is zero-filled
        return this;
    }

    public int length() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
