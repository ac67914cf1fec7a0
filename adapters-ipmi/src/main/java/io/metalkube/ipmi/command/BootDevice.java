package io.metalkube.ipmi.command;

/** Boot device selector, bits 5:2 of boot flags data 2 (IPMI v2.0 §28.13, table 28-14, parameter 5). */
public enum BootDevice {
    NO_OVERRIDE(0x0),
    PXE(0x1),
    DISK(0x2),
    CDROM(0x5),
    BIOS(0x6);

    private final int selector;

    BootDevice(int selector) {
        this.selector = selector;
    }

    public int selector() {
        return selector;
    }

    /** Decodes a selector; anything this client does not set (safe mode, diagnostics, floppy, ...) is null. */
    public static BootDevice of(int selector) {
        for (BootDevice d : values()) {
            if (d.selector == selector) {
                return d;
            }
        }
        return null;
    }
}
