package io.metalkube.ipmi.session;

import io.metalkube.domain.bmc.PrivilegeLevel;
import io.metalkube.ipmi.command.BootDevice;
import io.metalkube.ipmi.command.BootFlags;
import io.metalkube.ipmi.command.ChassisControl;
import io.metalkube.ipmi.command.GetBootFlags;
import io.metalkube.ipmi.command.GetChassisStatus;
import io.metalkube.ipmi.command.GetDeviceId;
import io.metalkube.ipmi.command.SetSystemBootOptions;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.UserKey;
import io.metalkube.ipmi.error.AuthenticationFailedException;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.fake.FakeBmc;
import io.metalkube.ipmi.fake.FakeBmcFleet;
import io.metalkube.ipmi.transport.UdpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session behaviour against the in-memory BMC: suite 17 end to end, retransmission, busy BMCs, refused passwords. */
class SessionAgainstFakeBmcTest {

    FakeBmc bmc;

    @BeforeEach
    void start() throws IOException {
        bmc = FakeBmc.start("127.0.8.2", EnumSet.of(CipherSuite.SUITE_3, CipherSuite.SUITE_17), FakeBmcFleet.USER, FakeBmcFleet.PASSWORD);
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    IpmiSession open(CipherSuite suite, String password) throws IOException {
        return IpmiSession.open(UdpTransport.connect(bmc.address()), new SessionParameters(FakeBmcFleet.USER, UserKey.of(password),
                PrivilegeLevel.ADMINISTRATOR, suite, new Timeouts(Duration.ofMillis(200), 3)));
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"SUITE_3", "SUITE_17"})
    void encryptedAuthenticatedSessionEndToEnd(CipherSuite suite) throws IOException {
        try (IpmiSession s = open(suite, FakeBmcFleet.PASSWORD)) {
            assertThat(s.execute(new GetDeviceId()).manufacturerId()).isEqualTo(674);
            s.execute(new ChassisControl(ChassisControl.Action.POWER_UP));
            assertThat(bmc.poweredOn()).isTrue();
            assertThat(s.execute(new GetChassisStatus()).powerOn()).isTrue();
            s.execute(SetSystemBootOptions.bootFlags(new BootFlags(true, BootDevice.PXE, true, true)));
            assertThat(s.execute(new GetBootFlags())).isEqualTo(new BootFlags(true, BootDevice.PXE, true, true));
            assertThat(bmc.activeSessions()).isEqualTo(1);
        }
        assertThat(bmc.activeSessions()).as("Close Session sent").isZero();
    }

    @Test
    void aLostRequestIsRetransmittedWithTheNextSequenceNumber() throws IOException {
        try (IpmiSession s = open(CipherSuite.SUITE_17, FakeBmcFleet.PASSWORD)) {
            int before = bmc.inSessionSequences().size();
            bmc.dropNext(2);
            assertThat(s.execute(new GetChassisStatus()).powerOn()).isFalse();
            List<Integer> seen = bmc.inSessionSequences().subList(before, bmc.inSessionSequences().size());
            assertThat(seen).hasSize(3);
            assertThat(seen.get(1)).isEqualTo(seen.get(0) + 1);
            assertThat(seen.get(2)).isEqualTo(seen.get(1) + 1);
        }
    }

    @Test
    void aRequestLostOnEveryAttemptIsATimeoutNamingTheCommand() throws IOException {
        try (IpmiSession s = open(CipherSuite.SUITE_3, FakeBmcFleet.PASSWORD)) {
            bmc.dropNext(3);
            assertThatThrownBy(() -> s.execute(new GetChassisStatus())).hasMessageContaining("no answer to Get Chassis Status after 3 attempt(s)");
        }
    }

    @Test
    void aBusyBmcIsAskedAgain() throws IOException {
        try (IpmiSession s = open(CipherSuite.SUITE_3, FakeBmcFleet.PASSWORD)) {
            bmc.busyNext(2);
            assertThat(s.execute(new GetDeviceId()).manufacturerId()).isEqualTo(674);
            bmc.busyNext(3);
            assertThatThrownBy(() -> s.execute(new GetDeviceId())).isInstanceOf(CompletionCodeException.class)
                    .hasMessageContaining("node busy").satisfies(e -> assertThat(((CompletionCodeException) e).temporary()).isTrue());
        }
    }

    @Test
    void aWrongPasswordOverSuite17IsAnAuthenticationFailure() {
        assertThatThrownBy(() -> open(CipherSuite.SUITE_17, "wrong-pass-42")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("password").hasMessageNotContaining("wrong-pass-42");
    }

    @Test
    void anUnsupportedCommandIsACompletionCodeWithAClearMessage() throws IOException {
        try (IpmiSession s = open(CipherSuite.SUITE_3, FakeBmcFleet.PASSWORD)) {
            assertThatThrownBy(() -> s.execute(new io.metalkube.ipmi.command.GetFruInventoryAreaInfo(0)))
                    .isInstanceOf(CompletionCodeException.class).hasMessageContaining("C1h").hasMessageContaining("127.0.8.2");
        }
    }
}
