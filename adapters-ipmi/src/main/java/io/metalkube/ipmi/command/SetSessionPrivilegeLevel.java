package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/** Set Session Privilege Level (IPMI v2.0 §22.18): raises the new session from USER to the level asked for. */
public record SetSessionPrivilegeLevel(int privilege) implements IpmiCommand<Integer> {

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x3b;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) privilege};
    }

    @Override
    public Integer parseResponse(byte[] data) {
        return new WireReader(data).u8("new privilege level") & 0x0f;
    }

    @Override
    public String name() {
        return "Set Session Privilege Level";
    }
}
