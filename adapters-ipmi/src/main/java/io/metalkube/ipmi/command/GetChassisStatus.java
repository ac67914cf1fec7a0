package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/** Get Chassis Status (IPMI v2.0 §28.2): current power state and faults. */
public record GetChassisStatus() implements IpmiCommand<GetChassisStatus.ChassisStatus> {

    /** Current power state byte: bit 0 power on, 1 overload, 2 interlock, 3 power fault, 4 control fault, 6:5 restore policy. */
    public record ChassisStatus(boolean powerOn, boolean powerOverload, boolean interlock, boolean powerFault,
                                boolean powerControlFault, int restorePolicy, int lastPowerEvent) {
    }

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
    }

    @Override
    public int command() {
        return 0x01;
    }

    @Override
    public byte[] requestData() {
        return new byte[0];
    }

    @Override
    public ChassisStatus parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        int state = r.u8("current power state");
        int last = r.u8("last power event");
        r.u8("misc. chassis state");
        return new ChassisStatus((state & 0x01) != 0, (state & 0x02) != 0, (state & 0x04) != 0, (state & 0x08) != 0,
                (state & 0x10) != 0, (state >>> 5) & 0x03, last);
    }

    @Override
    public String name() {
        return "Get Chassis Status";
    }
}
