package io.metalkube.redfish.wire;

import java.util.Locale;

/**
 * ComputerSystem {@code PowerState} (schema Resource.PowerState). PoweringOn and Paused count as on, PoweringOff as
 * off, as Ironic's redfish driver counts them (redfish.md §3).
 */
public enum PowerState {
    ON(true), OFF(false), POWERING_ON(true), POWERING_OFF(false), PAUSED(true);

    private final boolean on;

    PowerState(boolean on) {
        this.on = on;
    }

    public boolean isOn() {
        return on;
    }

    /** True for the steady states On and Off (a transition is still running otherwise). */
    public boolean settled() {
        return this == ON || this == OFF;
    }

    static PowerState fromWire(String value, String where) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> ON;
            case "off" -> OFF;
            case "poweringon" -> POWERING_ON;
            case "poweringoff" -> POWERING_OFF;
            case "paused" -> PAUSED;
            default -> throw new RedfishDecodeException(where + ": PowerState \"" + value + "\" is not On, Off, PoweringOn, PoweringOff or Paused");
        };
    }
}
