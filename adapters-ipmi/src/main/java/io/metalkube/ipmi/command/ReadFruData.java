package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.WireReader;

/** Read FRU Data (IPMI v2.0 §34.2): up to {@code count} bytes at {@code offset}; the answer starts with the count returned. */
public record ReadFruData(int deviceId, int offset, int count) implements IpmiCommand<byte[]> {

    @Override
    public int netFn() {
        return NetFn.STORAGE;
    }

    @Override
    public int command() {
        return 0x11;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) deviceId, (byte) offset, (byte) (offset >>> 8), (byte) count};
    }

    @Override
    public byte[] parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        int returned = r.u8("count returned");
        if (returned == 0 || returned > count) {
            throw new IpmiDecodeException("Read FRU Data returned " + returned + " bytes for a request of " + count);
        }
        return r.bytes(returned, "FRU data");
    }

    @Override
    public String name() {
        return "Read FRU Data";
    }
}
