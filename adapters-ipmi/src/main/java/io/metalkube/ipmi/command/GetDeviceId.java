package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/** Get Device ID (IPMI v2.0 §20.1): identity and firmware of the BMC; also our keepalive. */
public record GetDeviceId() implements IpmiCommand<GetDeviceId.DeviceId> {

    /**
     * @param firmwareMajor bits 6:0 of firmware revision 1
     * @param firmwareMinor firmware revision 2, BCD
     * @param ipmiVersion   BCD, 51h = 1.5, 02h = 2.0
     * @param manufacturerId IANA enterprise number (20 bits)
     */
    public record DeviceId(int deviceId, int deviceRevision, int firmwareMajor, int firmwareMinor, int ipmiVersion,
                           int manufacturerId, int productId) {

        /** e.g. "9.08", as ipmitool prints it. */
        public String firmwareVersion() {
            return firmwareMajor + "." + String.format("%02x", firmwareMinor);
        }

        /** e.g. "2.0". */
        public String ipmiVersionText() {
            return (ipmiVersion & 0x0f) + "." + (ipmiVersion >>> 4);
        }
    }

    @Override
    public int netFn() {
        return NetFn.APP;
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
    public DeviceId parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        int id = r.u8("device ID");
        int rev = r.u8("device revision") & 0x0f;
        int fwMajor = r.u8("firmware revision 1") & 0x7f;
        int fwMinor = r.u8("firmware revision 2");
        int version = r.u8("IPMI version");
        r.u8("additional device support");
        int mfg = (r.u8("manufacturer ID") | r.u8("manufacturer ID") << 8 | r.u8("manufacturer ID") << 16) & 0x0fffff;
        int product = r.u16le("product ID");
        return new DeviceId(id, rev, fwMajor, fwMinor, version, mfg, product);
    }

    @Override
    public String name() {
        return "Get Device ID";
    }
}
