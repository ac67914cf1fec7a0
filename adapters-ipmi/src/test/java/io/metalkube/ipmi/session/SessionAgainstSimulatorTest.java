package io.metalkube.ipmi.session;

import io.metalkube.domain.bmc.PrivilegeLevel;
import io.metalkube.ipmi.command.ChassisControl;
import io.metalkube.ipmi.command.GetChassisStatus;
import io.metalkube.ipmi.command.GetDeviceId;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.UserKey;
import io.metalkube.ipmi.error.AuthenticationFailedException;
import io.metalkube.ipmi.error.BmcUnreachableException;
import io.metalkube.ipmi.error.UnsupportedCipherSuiteException;
import io.metalkube.ipmi.sim.FruImage;
import io.metalkube.ipmi.sim.IpmiSimulator;
import io.metalkube.ipmi.transport.UdpTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session layer against a real ipmi_sim: suite 3 handshake, commands, wrong password, unsupported suite, dead BMC. */
class SessionAgainstSimulatorTest {

    @TempDir
    static Path dir;
    static IpmiSimulator sim;

    static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), 3);

    @BeforeAll
    static void start() throws IOException {
        sim = IpmiSimulator.start(dir, "127.0.0.21", 1, FruImage.of("Acme", "Board-X", "BSN-1", "Acme", "Server 9", "v2", "SN-1"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static IpmiSession open(String user, String password, CipherSuite suite) throws IOException {
        return IpmiSession.open(UdpTransport.connect(sim.address()),
                new SessionParameters(user, UserKey.of(password), PrivilegeLevel.ADMINISTRATOR, suite, FAST));
    }

    @Test
    void suite3SessionRunsCommandsAndChangesPower() throws IOException {
        sim.setPower(false);
        try (IpmiSession session = open(IpmiSimulator.USER, IpmiSimulator.PASSWORD, CipherSuite.SUITE_3)) {
            GetDeviceId.DeviceId id = session.execute(new GetDeviceId());
            assertThat(id.manufacturerId()).isEqualTo(0x1291);
            assertThat(id.productId()).isEqualTo(0x0f02);
            assertThat(id.firmwareVersion()).isEqualTo("9.08");
            assertThat(session.execute(new GetChassisStatus()).powerOn()).isFalse();
            session.execute(new ChassisControl(ChassisControl.Action.POWER_UP));
            assertThat(sim.poweredOn()).isTrue();
            assertThat(session.execute(new GetChassisStatus()).powerOn()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureWithoutThePassword() {
        assertThatThrownBy(() -> open(IpmiSimulator.USER, "not-the-password", CipherSuite.SUITE_3))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(sim.address().getHostString())
                .hasMessageContaining("password")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void anUnknownUserIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> open("nobody", "whatever", CipherSuite.SUITE_3))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("nobody");
    }

    @Test
    void suite17IsReportedAsUnsupportedByThisSimulator() {
        assertThatThrownBy(() -> open(IpmiSimulator.USER, IpmiSimulator.PASSWORD, CipherSuite.SUITE_17))
                .isInstanceOf(UnsupportedCipherSuiteException.class).hasMessageContaining("cipher suite 17");
    }

    @Test
    void suite0WorksWhenTheCallerChoosesIt() throws IOException {
        try (IpmiSession session = open(IpmiSimulator.USER, IpmiSimulator.PASSWORD, CipherSuite.SUITE_0)) {
            assertThat(session.execute(new GetDeviceId()).manufacturerId()).isEqualTo(0x1291);
        }
    }

    @Test
    void aDeadBmcIsReportedWithinFiveSeconds() throws IOException {
        // a bound socket that never answers: a black hole, not an ICMP port-unreachable
        try (java.net.DatagramSocket blackHole = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.22", 0))) {
            Timeouts defaults = new Timeouts(Duration.ofSeconds(1), 3);
            long start = System.nanoTime();
            assertThatThrownBy(() -> IpmiSession.open(UdpTransport.connect(new InetSocketAddress("127.0.0.22", blackHole.getLocalPort())),
                    new SessionParameters("admin", UserKey.of("x"), PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_3, defaults)))
                    .isInstanceOf(BmcUnreachableException.class).hasMessageContaining("no answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClosedPortFailsAtOnce() throws IOException {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.23", 0))) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> IpmiSession.open(UdpTransport.connect(new InetSocketAddress("127.0.0.23", port)),
                new SessionParameters("admin", UserKey.of("x"), PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_3, new Timeouts(Duration.ofSeconds(1), 3))))
                .isInstanceOf(BmcUnreachableException.class).hasMessageContaining("nothing listens");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
}
