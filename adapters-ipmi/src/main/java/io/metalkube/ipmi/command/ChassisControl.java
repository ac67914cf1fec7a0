package io.metalkube.ipmi.command;

/** Chassis Control (IPMI v2.0 §28.3): power down, up, cycle, hard reset, ACPI soft shutdown. */
public record ChassisControl(Action action) implements IpmiCommand<Void> {

    /** Chassis control values, table 28-4. */
    public enum Action {
        POWER_DOWN(0x00, "power off"),
        POWER_UP(0x01, "power on"),
        POWER_CYCLE(0x02, "power cycle"),
        HARD_RESET(0x03, "hard reset"),
        SOFT_SHUTDOWN(0x05, "soft off (ACPI shutdown)");

        private final int code;
        private final String text;

        Action(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }
    }

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
    }

    @Override
    public int command() {
        return 0x02;
    }

    @Override
    public byte[] requestData() {
        return new byte[]{(byte) action.code()};
    }

    @Override
    public Void parseResponse(byte[] data) {
        return null;
    }

    @Override
    public String name() {
        return "Chassis Control (" + action.text() + ")";
    }
}
