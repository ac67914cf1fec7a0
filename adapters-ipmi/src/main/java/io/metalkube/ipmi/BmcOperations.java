package io.metalkube.ipmi;

import io.metalkube.ipmi.command.BootDevice;
import io.metalkube.ipmi.command.BootFlags;
import io.metalkube.ipmi.command.ChassisControl;
import io.metalkube.ipmi.command.FruInventory;
import io.metalkube.ipmi.command.GetChassisStatus;
import io.metalkube.ipmi.command.GetDeviceId;
import io.metalkube.ipmi.command.GetFruInventoryAreaInfo;
import io.metalkube.ipmi.command.ReadFruData;
import io.metalkube.ipmi.command.SetSystemBootOptions;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.session.IpmiSession;

import java.io.ByteArrayOutputStream;

/** The multi-command operations the back-end needs, on one open session. */
final class BmcOperations {

    /** Read FRU Data in 32-byte pieces: small enough for every BMC's buffer. */
    private static final int FRU_CHUNK = 32;
    private static final int FRU_MAX = 4096;

    private BmcOperations() {
    }

    static boolean poweredOn(IpmiSession s) {
        return s.execute(new GetChassisStatus()).powerOn();
    }

    static void control(IpmiSession s, ChassisControl.Action action) {
        s.execute(new ChassisControl(action));
    }

    /**
     * Sets the boot device; also asks the BMC to keep the flags past its 60 s timeout, which BMCs that lack that
     * parameter refuse (tolerated: the flags themselves were set).
     */
    static void setBootDevice(IpmiSession s, BootDevice device, boolean persistent, boolean uefi) {
        s.execute(SetSystemBootOptions.bootFlags(new BootFlags(true, device, persistent, uefi)));
        try {
            s.execute(SetSystemBootOptions.keepBootFlagsValid());
        } catch (CompletionCodeException e) {
            System.getLogger(BmcOperations.class.getName()).log(System.Logger.Level.DEBUG,
                    "BMC " + s.bmc() + " keeps its 60 s boot flag timeout: " + e.getMessage());
        }
    }

    static GetDeviceId.DeviceId deviceId(IpmiSession s) {
        return s.execute(new GetDeviceId());
    }

    /** FRU device 0 read whole and parsed. */
    static FruInventory fru(IpmiSession s) {
        GetFruInventoryAreaInfo.AreaInfo info = s.execute(new GetFruInventoryAreaInfo(0));
        int size = Math.min(info.size(), FRU_MAX);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            int want = Math.min(FRU_CHUNK, size - out.size());
            int offset = info.byWords() ? out.size() / 2 : out.size();
            int count = info.byWords() ? (want + 1) / 2 : want;
            out.writeBytes(s.execute(new ReadFruData(0, offset, count)));
        }
        return FruInventory.parse(out.toByteArray());
    }
}
