package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/** Get FRU Inventory Area Info (IPMI v2.0 §34.1): the size of FRU device {@code deviceId} and whether it is word-addressed. */
public record GetFruInventoryAreaInfo(int deviceId) implements IpmiCommand<GetFruInventoryAreaInfo.AreaInfo> {

    public record AreaInfo(int size, boolean byWords) {
    }

    @Override
    public int netFn() {
        return NetFn.STORAGE;
    }

    @Override
    public int command() {
        return 0x10;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) deviceId};
    }

    @Override
    public AreaInfo parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        int size = r.u16le("FRU inventory area size");
        return new AreaInfo(size, (r.u8("access type") & 0x01) != 0);
    }

    @Override
    public String name() {
        return "Get FRU Inventory Area Info";
    }
}
