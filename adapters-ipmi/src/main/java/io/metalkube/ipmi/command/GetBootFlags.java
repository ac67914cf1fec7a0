package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.WireReader;

/** Get System Boot Options for parameter 5, the boot flags (IPMI v2.0 §28.13). */
public record GetBootFlags() implements IpmiCommand<BootFlags> {

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
    }

    @Override
    public int command() {
        return 0x09;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{0x05, 0x00, 0x00};
    }

    @Override
    public BootFlags parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        r.u8("parameter version");
        int selector = r.u8("parameter selector") & 0x7f;
        if (selector != 0x05) {
            throw new IpmiDecodeException("asked for boot option parameter 5, got " + selector);
        }
        return BootFlags.decode(r);
    }

    @Override
    public String name() {
        return "Get System Boot Options (boot flags)";
    }
}
