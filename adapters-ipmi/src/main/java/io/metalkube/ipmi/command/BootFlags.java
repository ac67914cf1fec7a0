package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.WireReader;

/**
 * Boot flags, boot option parameter 5 (IPMI v2.0 §28.13, table 28-14): data 1 bit 7 valid, bit 6 persistent
 * (else next boot only), bit 5 EFI (else legacy BIOS); data 2 bits 5:2 the device; data 3-5 left 0.
 *
 * @param device null when the BMC reports a device this client does not model
 */
public record BootFlags(boolean valid, BootDevice device, boolean persistent, boolean uefi) {

    public static BootFlags once(BootDevice device, boolean uefi) {
        return new BootFlags(true, device, false, uefi);
    }

    byte[] encode() {
        int data1 = (valid ? 0x80 : 0) | (persistent ? 0x40 : 0) | (uefi ? 0x20 : 0);
        int selector = device == null ? 0 : device.selector();
        return new byte[]{(byte) data1, (byte) (selector << 2), 0, 0, 0};
    }

    static BootFlags decode(WireReader r) {
        int data1 = r.u8("boot flags data 1");
        int data2 = r.u8("boot flags data 2");
        return new BootFlags((data1 & 0x80) != 0, BootDevice.of((data2 >>> 2) & 0x0f), (data1 & 0x40) != 0, (data1 & 0x20) != 0);
    }
}
