package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/**
 * Get Channel Authentication Capabilities (IPMI v2.0 §22.13), sent before any session: channel 0Eh (this one) with
 * bit 7 set to ask for the IPMI v2.0 extended data, and the privilege level the console will ask for.
 */
public record GetChannelAuthCapabilities(int privilege) implements IpmiCommand<GetChannelAuthCapabilities.Capabilities> {

    /**
     * The answer: which v1.5 auth types and logins are enabled and whether RMCP+ (v2.0) is supported.
     *
     * @param authTypes bit 0 none, 1 MD2, 2 MD5, 4 straight password, 5 OEM; bit 7 = v2.0 extended data present
     */
    public record Capabilities(int channel, int authTypes, boolean anonymousLogin, boolean nullUsers, boolean nonNullUsers,
                               boolean perMessageAuthDisabled, boolean ipmi15, boolean ipmi20, int oemId) {

        /** e.g. "IPMI v2.0+v1.5, auth none md5 straight" for discovery details. */
        public String summary() {
            StringBuilder s = new StringBuilder(ipmi20 ? "IPMI v2.0" : "IPMI v1.5");
            if (ipmi20 && ipmi15) {
                s.append("+v1.5");
            }
            s.append(", channel ").append(channel).append(", v1.5 auth");
            String[] names = {"none", "md2", "md5", "", "straight", "oem"};
            for (int bit = 0; bit < names.length; bit++) {
                if (!names[bit].isEmpty() && (authTypes & (1 << bit)) != 0) {
                    s.append(' ').append(names[bit]);
                }
            }
            return s.toString();
        }
    }

    @Override
    public int netFn() {
        return NetFn.APP;
    }

    @Override
    public int command() {
        return 0x38;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) 0x8e, (byte) privilege};
    }

    @Override
    public Capabilities parseResponse(byte[] data) {
        WireReader r = new WireReader(data);
        int channel = r.u8("channel number");
        int auth = r.u8("authentication type support");
        int login = r.u8("login status");
        int extended = r.u8("extended capabilities");
        int oem = r.u8("OEM ID") | r.u8("OEM ID") << 8 | r.u8("OEM ID") << 16;
        boolean v20Data = (auth & 0x80) != 0;
        return new Capabilities(channel, auth, (login & 0x01) != 0, (login & 0x02) != 0, (login & 0x04) != 0,
                (login & 0x10) != 0, !v20Data || (extended & 0x01) != 0, v20Data && (extended & 0x02) != 0, oem);
    }

    @Override
    public String name() {
        return "Get Channel Authentication Capabilities";
    }
}
