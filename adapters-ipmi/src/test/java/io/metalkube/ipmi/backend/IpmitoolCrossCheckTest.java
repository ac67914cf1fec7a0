package io.metalkube.ipmi.backend;

import io.metalkube.domain.bmc.PrivilegeLevel;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.command.BootDevice;
import io.metalkube.ipmi.command.BootFlags;
import io.metalkube.ipmi.command.GetBootFlags;
import io.metalkube.ipmi.command.SetSystemBootOptions;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.UserKey;
import io.metalkube.ipmi.session.IpmiSession;
import io.metalkube.ipmi.session.SessionParameters;
import io.metalkube.ipmi.session.Timeouts;
import io.metalkube.ipmi.sim.IpmiSimulator;
import io.metalkube.ipmi.sim.Ipmitool;
import io.metalkube.ipmi.sim.SimulatorFleet;
import io.metalkube.ipmi.transport.UdpTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What our client sets, ipmitool reads back; what ipmitool sets, our client reads back (same simulator, suite 3). */
class IpmitoolCrossCheckTest {

    static final SimulatorFleet FLEET = new SimulatorFleet("ipmitool", 5);
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults());

    @BeforeAll
    static void needsIpmitool() {
        assumeTrue(Ipmitool.installed(), "ipmitool is not installed; run bin/install-peers.sh");
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
        FLEET.close();
    }

    static IpmiSession session(IpmiSimulator sim) throws Exception {
        return IpmiSession.open(UdpTransport.connect(sim.address()), new SessionParameters(IpmiSimulator.USER,
                UserKey.of(IpmiSimulator.PASSWORD), PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_3, new Timeouts(Duration.ofSeconds(1), 3)));
    }

    @Test
    void powerWeSetIpmitoolReads() throws Exception {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        assertThat(BACKEND.powerOn(new Operation.PowerOn(t))).isEqualTo(new Outcome.PowerState(true));
        assertThat(Ipmitool.run(sim, "power", "status")).contains("Chassis Power is on");
        assertThat(BACKEND.powerOff(new Operation.PowerOff(t, PowerOffMode.HARD))).isEqualTo(new Outcome.PowerState(false));
        assertThat(Ipmitool.run(sim, "power", "status")).contains("Chassis Power is off");
    }

    @Test
    void powerIpmitoolSetsWeRead() throws Exception {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        Ipmitool.run(sim, "power", "on");
        assertThat(BACKEND.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(true));
        Ipmitool.run(sim, "power", "off");
        assertThat(BACKEND.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
    }

    @Test
    void bootDeviceWeSetIpmitoolReads() throws Exception {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        BACKEND.provision(new Operation.Provision(t, null, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED));
        assertThat(Ipmitool.run(sim, "chassis", "bootparam", "get", "5")).contains("Force PXE");
        try (IpmiSession s = session(sim)) {
            s.execute(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.CDROM, false)));
        }
        assertThat(Ipmitool.run(sim, "chassis", "bootparam", "get", "5")).contains("Force Boot from CD/DVD");
        try (IpmiSession s = session(sim)) {
            s.execute(SetSystemBootOptions.bootFlags(BootFlags.once(BootDevice.BIOS, false)));
        }
        assertThat(Ipmitool.run(sim, "chassis", "bootparam", "get", "5")).contains("Force Boot into BIOS Setup");
    }

    @Test
    void bootDeviceIpmitoolSetsWeRead() throws Exception {
        IpmiSimulator sim = FLEET.start();
        for (String[] pair : new String[][]{{"pxe", "PXE"}, {"disk", "DISK"}, {"cdrom", "CDROM"}, {"bios", "BIOS"}}) {
            Ipmitool.run(sim, "chassis", "bootdev", pair[0]);
            try (IpmiSession s = session(sim)) {
                assertThat(s.execute(new GetBootFlags()).device()).as("after ipmitool bootdev %s", pair[0]).isEqualTo(BootDevice.valueOf(pair[1]));
            }
        }
    }

    @Test
    void inventoryMatchesIpmitoolsFruAndMcInfo() throws Exception {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        HardwareDetails hw = ((Outcome.Inspected) BACKEND.inspect(new Operation.Inspect(t))).hardware();
        String fru = Ipmitool.run(sim, "fru", "print", "0");
        assertThat(fru).containsPattern("Product Manufacturer\\s*:\\s*" + hw.systemVendor().manufacturer())
                .containsPattern("Product Name\\s*:\\s*" + hw.systemVendor().productName())
                .containsPattern("Product Serial\\s*:\\s*" + hw.systemVendor().serialNumber());
        assertThat(Ipmitool.run(sim, "mc", "info")).containsPattern("Firmware Revision\\s*:\\s*" + hw.firmware().bmcVersion().replace(".", "\\."));
    }
}
