package io.metalkube.ipmi.command;

/** Close Session (IPMI v2.0 §22.19): the BMC's session ID, little-endian. */
public record CloseSession(int bmcSessionId) implements IpmiCommand<Void> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x3c;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) bmcSessionId, (byte) (bmcSessionId >>> 8), (byte) (bmcSessionId >>> 16), (byte) (bmcSessionId >>> 24)};
    }

    @Override
    public Void parseResponse(byte[] data) {
        return null;
    }

    @Override
    public String name() {
        return "Close Session";
    }
}
