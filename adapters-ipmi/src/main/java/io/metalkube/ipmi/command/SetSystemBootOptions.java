package io.metalkube.ipmi.command;

/**
 * Set System Boot Options (IPMI v2.0 §28.12). {@link #bootFlags} writes parameter 5; {@link #keepBootFlagsValid}
 * writes parameter 3 = 08h so the BMC does not drop the flags after its 60-second timeout (what Ironic sends with
 * {@code [ipmi]disable_boot_timeout}).
 */
public record SetSystemBootOptions(int parameter, byte[] parameterData, String description) implements IpmiCommand<Void> {

    public SetSystemBootOptions {
        parameterData = parameterData.clone();
    }

    public static SetSystemBootOptions bootFlags(BootFlags flags) {
        return new SetSystemBootOptions(0x05, flags.encode(), "Set System Boot Options (boot device "
                + (flags.device() == null ? "unknown" : flags.device()) + (flags.persistent() ? ", persistent" : ", next boot only")
                + (flags.uefi() ? ", UEFI" : ", legacy") + ")");
    }

    public static SetSystemBootOptions keepBootFlagsValid() {
        return new SetSystemBootOptions(0x03, new byte[]{0x08}, "Set System Boot Options (keep boot flags past the 60 s timeout)");
    }

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
    }

    @Override
    public int command() {
        return 0x08;
    }

    @Override
    public byte[] requestData() {
        byte[] out = new byte[1 + parameterData.length];
        out[0] = (byte) (parameter & 0x7f);
        System.arraycopy(parameterData, 0, out, 1, parameterData.length);
        return out;
    }

    @Override
    public Void parseResponse(byte[] data) {
        return null;
    }

    @Override
    public String name() {
        return description;
    }
}
