package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden request and response bytes for every command, including truncated answers. */
class CommandGoldenTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void getChannelAuthCapabilities() {
        GetChannelAuthCapabilities cmd = new GetChannelAuthCapabilities(4);
        assertThat(cmd.netFn()).isEqualTo(0x06);
        assertThat(cmd.command()).isEqualTo(0x38);
        assertThat(hex(cmd.requestData())).isEqualTo("8e04");
        // ipmi_sim's answer: channel 1, v2.0 data + none/md2/md5/straight, non-null users, v1.5 + v2.0
        GetChannelAuthCapabilities.Capabilities caps = cmd.parseResponse(hex("01 97 04 03 000000 00"));
        assertThat(caps.channel()).isEqualTo(1);
        assertThat(caps.ipmi20()).isTrue();
        assertThat(caps.ipmi15()).isTrue();
        assertThat(caps.nonNullUsers()).isTrue();
        assertThat(caps.anonymousLogin()).isFalse();
        assertThat(caps.summary()).isEqualTo("IPMI v2.0+v1.5, channel 1, v1.5 auth none md2 md5 straight");
        GetChannelAuthCapabilities.Capabilities v15 = cmd.parseResponse(hex("01 14 04 00 000000 00"));
        assertThat(v15.ipmi20()).isFalse();
        assertThat(v15.summary()).startsWith("IPMI v1.5");
    }

    @Test
    void getDeviceId() {
        GetDeviceId cmd = new GetDeviceId();
        assertThat(cmd.netFn()).isEqualTo(0x06);
        assertThat(cmd.command()).isEqualTo(0x01);
        assertThat(cmd.requestData()).isEmpty();
        GetDeviceId.DeviceId id = cmd.parseResponse(hex("00 23 09 08 02 9f 911200 020f 00000000"));
        assertThat(id).isEqualTo(new GetDeviceId.DeviceId(0, 3, 9, 8, 0x02, 0x1291, 0x0f02));
        assertThat(id.firmwareVersion()).isEqualTo("9.08");
        assertThat(id.ipmiVersionText()).isEqualTo("2.0");
    }

    @Test
    void getChassisStatus() {
        GetChassisStatus cmd = new GetChassisStatus();
        assertThat(cmd.netFn()).isZero();
        assertThat(cmd.command()).isEqualTo(0x01);
        GetChassisStatus.ChassisStatus on = cmd.parseResponse(hex("41 00 00"));
        assertThat(on.powerOn()).isTrue();
        assertThat(on.restorePolicy()).isEqualTo(2);
        GetChassisStatus.ChassisStatus faulty = cmd.parseResponse(hex("18 00 00 00"));
        assertThat(faulty.powerOn()).isFalse();
        assertThat(faulty.powerFault()).isTrue();
        assertThat(faulty.powerControlFault()).isTrue();
    }

    @Test
    void chassisControl() {
        assertThat(hex(new ChassisControl(ChassisControl.Action.POWER_DOWN).requestData())).isEqualTo("00");
        assertThat(hex(new ChassisControl(ChassisControl.Action.POWER_UP).requestData())).isEqualTo("01");
        assertThat(hex(new ChassisControl(ChassisControl.Action.POWER_CYCLE).requestData())).isEqualTo("02");
        assertThat(hex(new ChassisControl(ChassisControl.Action.HARD_RESET).requestData())).isEqualTo("03");
        assertThat(hex(new ChassisControl(ChassisControl.Action.SOFT_SHUTDOWN).requestData())).isEqualTo("05");
        assertThat(new ChassisControl(ChassisControl.Action.POWER_UP).command()).isEqualTo(0x02);
    }

    @Test
    void setSystemBootOptions() {
        assertThat(hex(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.PXE, true)).requestData())).isEqualTo("05a004000000");
        assertThat(hex(SetSystemBootOptions.bootFlags(new BootFlags(true, BootDevice.DISK, true, false)).requestData())).isEqualTo("05c008000000");
        assertThat(hex(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.CDROM, false)).requestData())).isEqualTo("058014000000");
        assertThat(hex(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.BIOS, false)).requestData())).isEqualTo("058018000000");
        assertThat(hex(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.NO_OVERRIDE, false)).requestData())).isEqualTo("058000000000");
        assertThat(hex(SetSystemBootOptions.keepBootFlagsValid().requestData())).isEqualTo("0308");
        assertThat(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.PXE, true)).command()).isEqualTo(0x08);
    }

    @Test
    void getBootFlags() {
        GetBootFlags cmd = new GetBootFlags();
        assertThat(hex(cmd.requestData())).isEqualTo("050000");
        assertThat(cmd.parseResponse(hex("01 05 a0 04 00 00 00"))).isEqualTo(new BootFlags(true, BootDevice.PXE, false, true));
        assertThat(cmd.parseResponse(hex("01 05 00 18 00 00 00"))).isEqualTo(new BootFlags(false, BootDevice.BIOS, false, false));
        assertThat(cmd.parseResponse(hex("01 05 c0 3c 00 00 00")).device()).as("floppy is not modelled").isNull();
        assertThatThrownBy(() -> cmd.parseResponse(hex("01 04 00 18 00 00 00"))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void sessionCommands() {
        assertThat(hex(new SetSessionPrivilegeLevel(4).requestData())).isEqualTo("04");
        assertThat(new SetSessionPrivilegeLevel(4).parseResponse(hex("04"))).isEqualTo(4);
        assertThat(hex(new CloseSession(0x11223344).requestData())).isEqualTo("44332211");
        assertThat(new CloseSession(1).command()).isEqualTo(0x3c);
    }

    @Test
    void fruCommands() {
        assertThat(hex(new GetFruInventoryAreaInfo(0).requestData())).isEqualTo("00");
        assertThat(new GetFruInventoryAreaInfo(0).parseResponse(hex("0001 00"))).isEqualTo(new GetFruInventoryAreaInfo.AreaInfo(256, false));
        assertThat(hex(new ReadFruData(0, 0x120, 32).requestData())).isEqualTo("00200120");
        assertThat(hex(new ReadFruData(0, 0, 4).parseResponse(hex("03 010203")))).isEqualTo("010203");
        assertThatThrownBy(() -> new ReadFruData(0, 0, 2).parseResponse(hex("03 010203"))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01", "0197", "019704", "01970403"})
    void truncatedAuthCapabilitiesAreRejected(String data) {
        assertThatThrownBy(() -> new GetChannelAuthCapabilities(4).parseResponse(hex(data))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0023090802", "00230908029f9112", "00230908029f91120002"})
    void truncatedDeviceIdsAreRejected(String data) {
        assertThatThrownBy(() -> new GetDeviceId().parseResponse(hex(data))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "4100"})
    void truncatedChassisStatusIsRejected(String data) {
        assertThatThrownBy(() -> new GetChassisStatus().parseResponse(hex(data))).isInstanceOf(IpmiDecodeException.class);
    }
}
