package io.metalkube.ipmi;

import io.metalkube.ipmi.crypto.CipherSuite;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings defaults, per-host cipher suites, the insecure-suite guard and scan target expansion. */
class IpmiSettingsTest {

    @Test
    void defaultsReportADeadBmcWithinFiveSecondsAndUseSuite3() {
        IpmiSettings d = IpmiSettings.defaults();
        assertThat(d.attemptTimeout().multipliedBy(d.attempts())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(d.suiteFor("10.0.0.1:623")).isEqualTo(CipherSuite.SUITE_3);
        assertThat(d.allowInsecureCipherSuites()).isFalse();
        assertThat(d.keepaliveInterval()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theSuiteCanBePinnedPerBmc() {
        IpmiSettings s = IpmiSettings.defaults().withHostCipherSuite("BMC-7.example:623", 17);
        assertThat(s.suiteFor("bmc-7.example:623")).isEqualTo(CipherSuite.SUITE_17);
        assertThat(s.suiteFor("bmc-8.example:623")).isEqualTo(CipherSuite.SUITE_3);
    }

    @Test
    void suite0NeedsAnExplicitOptInAndUnknownSuitesAreRefused() {
        IpmiSettings zero = IpmiSettings.defaults().withDefaultCipherSuite(0);
        assertThatThrownBy(() -> zero.suiteFor("h:623")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused");
        assertThat(zero.withAllowInsecureCipherSuites(true).suiteFor("h:623")).isEqualTo(CipherSuite.SUITE_0);
        assertThatThrownBy(() -> IpmiSettings.defaults().withDefaultCipherSuite(8).suiteFor("h:623"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use 3");
    }

    @Test
    void scanTargetsExpandCidrTimesPorts() {
        var targets = ScanTargets.expand(ScanSettings.of(List.of("192.0.2.9/30", "198.51.100.7")).withPorts(List.of(623, 6230)));
        assertThat(targets).extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly(
                "192.0.2.8:623", "192.0.2.8:6230", "192.0.2.9:623", "192.0.2.9:6230",
                "192.0.2.10:623", "192.0.2.10:6230", "192.0.2.11:623", "192.0.2.11:6230",
                "198.51.100.7:623", "198.51.100.7:6230");
    }

    @Test
    void badScanRangesAreClearErrors() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0/24", "10.0.0.256", "ten/8")) {
            assertThatThrownBy(() -> ScanTargets.expand(ScanSettings.of(List.of(bad)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> ScanSettings.of(List.of("10.0.0.1")).withPorts(List.of(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
