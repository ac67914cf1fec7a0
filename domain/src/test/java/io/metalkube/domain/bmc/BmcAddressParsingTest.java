package io.metalkube.domain.bmc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden table of BMC address parsing (metal3-anchors.md §1.3): what parses to what, and what fails how. */
class BmcAddressParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # address                                                         | scheme                     | driver               | host               | port  | path                                     | privilege
            ipmi://192.0.2.10                                                 | ipmi                       | IPMI                 | 192.0.2.10         | 623   | ''                                       | ADMINISTRATOR
            ipmi://192.0.2.10:6230                                            | ipmi                       | IPMI                 | 192.0.2.10         | 6230  | ''                                       | ADMINISTRATOR
            192.0.2.10                                                        | ipmi                       | IPMI                 | 192.0.2.10         | 623   | ''                                       | ADMINISTRATOR
            192.0.2.10:6230                                                   | ipmi                       | IPMI                 | 192.0.2.10         | 6230  | ''                                       | ADMINISTRATOR
            bmc-7.lab.example:623                                             | ipmi                       | IPMI                 | bmc-7.lab.example  | 623   | ''                                       | ADMINISTRATOR
            ipmi:10.0.0.1                                                     | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | ADMINISTRATOR
            ipmi:bmc.example                                                  | ipmi                       | IPMI                 | bmc.example        | 623   | ''                                       | ADMINISTRATOR
            ipmi:6230                                                         | ipmi                       | IPMI                 | ipmi               | 6230  | ''                                       | ADMINISTRATOR
            IPMI://BMC.Example.COM                                            | ipmi                       | IPMI                 | bmc.example.com    | 623   | ''                                       | ADMINISTRATOR
            '  ipmi://10.0.0.1  '                                             | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | ADMINISTRATOR
            ipmi://10.0.0.1/                                                  | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | ADMINISTRATOR
            ipmi://10.0.0.1:65535                                             | ipmi                       | IPMI                 | 10.0.0.1           | 65535 | ''                                       | ADMINISTRATOR
            ipmi://10.0.0.1?privilegelevel=OPERATOR                           | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | OPERATOR
            ipmi://10.0.0.1:623?privilegelevel=user                           | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | USER
            ipmi://10.0.0.1?foo=bar&privilegelevel=callback                   | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | CALLBACK
            ipmi://10.0.0.1?unused=1                                          | ipmi                       | IPMI                 | 10.0.0.1           | 623   | ''                                       | ADMINISTRATOR
            libvirt://192.168.122.1:6233                                      | libvirt                    | LIBVIRT              | 192.168.122.1      | 6233  | ''                                       | ADMINISTRATOR
            libvirt://vbmc.local                                              | libvirt                    | LIBVIRT              | vbmc.local         | 623   | ''                                       | ADMINISTRATOR
            redfish://bmc.example.com/redfish/v1/Systems/1                    | redfish                    | REDFISH              | bmc.example.com    | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish://10.0.0.5/                                               | redfish                    | REDFISH              | 10.0.0.5           | 443   | ''                                       | ADMINISTRATOR
            redfish:bmc.example/redfish/v1/Systems/1                          | redfish                    | REDFISH              | bmc.example        | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish+http://10.0.0.5:8000/redfish/v1/Systems/abc               | redfish+http               | REDFISH              | 10.0.0.5           | 8000  | /redfish/v1/Systems/abc                  | ADMINISTRATOR
            redfish+http://10.0.0.5/redfish/v1/Systems/1                      | redfish+http               | REDFISH              | 10.0.0.5           | 80    | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish+https://10.0.0.5/redfish/v1/Systems/1?x=1                 | redfish+https              | REDFISH              | 10.0.0.5           | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish-virtualmedia://10.0.0.5/redfish/v1/Systems/1              | redfish-virtualmedia       | REDFISH_VIRTUALMEDIA | 10.0.0.5           | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish-virtualmedia+http://10.0.0.5:8000/redfish/v1/Systems/1    | redfish-virtualmedia+http  | REDFISH_VIRTUALMEDIA | 10.0.0.5           | 8000  | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish-virtualmedia+https://10.0.0.5/redfish/v1/Systems/1        | redfish-virtualmedia+https | REDFISH_VIRTUALMEDIA | 10.0.0.5           | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            idrac-redfish://10.0.0.6/redfish/v1/Systems/System.Embedded.1     | idrac-redfish              | IDRAC_REDFISH        | 10.0.0.6           | 443   | /redfish/v1/Systems/System.Embedded.1    | ADMINISTRATOR
            idrac-redfish+http://10.0.0.6/redfish/v1/Systems/System.Embedded.1| idrac-redfish+http         | IDRAC_REDFISH        | 10.0.0.6           | 80    | /redfish/v1/Systems/System.Embedded.1    | ADMINISTRATOR
            idrac-virtualmedia://10.0.0.6/redfish/v1/Systems/System.Embedded.1| idrac-virtualmedia         | IDRAC_VIRTUALMEDIA   | 10.0.0.6           | 443   | /redfish/v1/Systems/System.Embedded.1    | ADMINISTRATOR
            idrac-virtualmedia+https://idrac.example:8443/redfish/v1/Systems/1| idrac-virtualmedia+https   | IDRAC_VIRTUALMEDIA   | idrac.example      | 8443  | /redfish/v1/Systems/1                    | ADMINISTRATOR
            ilo5-redfish://ilo.example/redfish/v1/Systems/1                   | ilo5-redfish               | ILO5_REDFISH         | ilo.example        | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            ilo5-virtualmedia://ilo.example/redfish/v1/Systems/1              | ilo5-virtualmedia          | ILO5_VIRTUALMEDIA    | ilo.example        | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            ilo5-virtualmedia+http://ilo.example/redfish/v1/Systems/1         | ilo5-virtualmedia+http     | ILO5_VIRTUALMEDIA    | ilo.example        | 80    | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish-uefihttp://10.0.0.7/redfish/v1/Systems/1                  | redfish-uefihttp           | REDFISH_UEFIHTTP     | 10.0.0.7           | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            redfish-uefihttp+http://10.0.0.7:8000/redfish/v1/Systems/abc      | redfish-uefihttp+http      | REDFISH_UEFIHTTP     | 10.0.0.7           | 8000  | /redfish/v1/Systems/abc                  | ADMINISTRATOR
            redfish-uefihttp+https://[2001:db8::7]/redfish/v1/Systems/1       | redfish-uefihttp+https     | REDFISH_UEFIHTTP     | 2001:db8::7        | 443   | /redfish/v1/Systems/1                    | ADMINISTRATOR
            REDFISH-UEFIHTTP:bmc.example                                      | redfish-uefihttp           | REDFISH_UEFIHTTP     | bmc.example        | 443   | ''                                       | ADMINISTRATOR
            ipmi://[fd00::10]:623                                             | ipmi                       | IPMI                 | fd00::10           | 623   | ''                                       | ADMINISTRATOR
            ipmi://[FD00::A]                                                  | ipmi                       | IPMI                 | fd00::a            | 623   | ''                                       | ADMINISTRATOR
            ipmi://[::ffff:192.0.2.1]                                         | ipmi                       | IPMI                 | ::ffff:192.0.2.1   | 623   | ''                                       | ADMINISTRATOR
            ipmi://[fe80::1%eth0]:6230                                        | ipmi                       | IPMI                 | fe80::1%eth0       | 6230  | ''                                       | ADMINISTRATOR
            ipmi://[2001:db8:0:0:0:0:0:1]                                     | ipmi                       | IPMI                 | 2001:db8:0:0:0:0:0:1 | 623 | ''                                       | ADMINISTRATOR
            fd00::1                                                           | ipmi                       | IPMI                 | fd00::1            | 623   | ''                                       | ADMINISTRATOR
            redfish://[2001:db8::1]:8443/redfish/v1/Systems/1                 | redfish                    | REDFISH              | 2001:db8::1        | 8443  | /redfish/v1/Systems/1                    | ADMINISTRATOR
            """)
    void parses(String address, String scheme, BmcDriver driver, String host, int port, String path, PrivilegeLevel privilege) {
        BmcAddress parsed = BmcAddress.parse(address);

        assertThat(parsed.scheme().name()).isEqualTo(scheme);
        assertThat(parsed.driver()).isEqualTo(driver);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.path()).isEqualTo(path);
        assertThat(parsed.privilegeLevel()).isEqualTo(privilege);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            foo://10.0.0.1                              | UnknownScheme
            idrac://10.0.0.1                            | UnknownScheme
            ilo4://10.0.0.1                             | UnknownScheme
            irmc://10.0.0.1                             | UnknownScheme
            http://10.0.0.1                             | UnknownScheme
            ''                                          | MissingHost
            '   '                                       | MissingHost
            ipmi://                                     | MissingHost
            ipmi://:623                                 | MissingHost
            redfish:///redfish/v1/Systems/1             | MissingHost
            ipmi://[]:623                               | MissingHost
            ipmi:/x                                     | MissingHost
            ipmi://10.0.0.1:0                           | BadPort
            ipmi://10.0.0.1:65536                       | BadPort
            ipmi://10.0.0.1:123456                      | BadPort
            ipmi://10.0.0.1:abc                         | BadPort
            ipmi://10.0.0.1:                            | BadPort
            10.0.0.1:-1                                 | BadPort
            ipmi://[fd00::1]:99999                      | BadPort
            redfish://bmc.example:http/redfish/v1       | BadPort
            ://10.0.0.1                                 | Malformed
            ipmi://10.0.0.1#frag                        | Malformed
            ipmi://10.0.0.1/redfish/v1/Systems/1        | Malformed
            ipmi://bad_host.example                     | Malformed
            ipmi://-bad.example                         | Malformed
            ipmi://256.1.1.1                            | Malformed
            ipmi://[fd00::1                             | Malformed
            ipmi://[fd00::g]                            | Malformed
            ipmi://[10.0.0.1]                           | Malformed
            ipmi://[fd00::1]x                           | Malformed
            ipmi://fd00::1::2                           | Malformed
            ipmi://10.0.0.1 extra                       | Malformed
            ipmi://bmcé.example                         | Malformed
            ipmi://10.0.0.1?privilegelevel=ROOT         | Malformed
            redfish://10.0.0.1?privilegelevel=USER      | Malformed
            ipmi://admin@10.0.0.1                       | Malformed
            """)
    void rejects(String address, String expectedType) {
        assertThatThrownBy(() -> BmcAddress.parse(address))
                .isInstanceOf(BmcAddressException.class)
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(expectedType))
                .satisfies(e -> assertThat(((BmcAddressException) e).address()).isEqualTo(address));
    }

    @Test
    void anUnknownSchemeIsNamedAndTheKnownOnesAreListed() {
        assertThatThrownBy(() -> BmcAddress.parse("idrac://10.0.0.1"))
                .isInstanceOfSatisfying(BmcAddressException.UnknownScheme.class, e -> {
                    assertThat(e.scheme()).isEqualTo("idrac");
                    assertThat(e.getMessage()).contains("\"idrac\"", "idrac://10.0.0.1", "ipmi", "redfish-virtualmedia+https");
                });
    }

    @Test
    void errorMessagesSayWhatToDo() {
        assertThatThrownBy(() -> BmcAddress.parse("ipmi://10.0.0.1:70000")).hasMessageContaining("\"70000\"").hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> BmcAddress.parse("ipmi://")).hasMessageContaining("has no host").hasMessageContaining("e.g.");
        assertThatThrownBy(() -> BmcAddress.parse("ipmi://fd00::1::2")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> BmcAddress.parse("ipmi://admin@10.0.0.1")).hasMessageContaining("credentialsName");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ipmi://admin:s3cret@10.0.0.1
            admin:s3cret@10.0.0.1
            foo://admin:s3cret@10.0.0.1
            redfish://root:s3cret@bmc.example:99999/redfish/v1/Systems/1
            ipmi://admin:s3cret@bad_host
            """)
    void aPasswordWrittenIntoTheAddressNeverReachesTheError(String address) {
        assertThatThrownBy(() -> BmcAddress.parse(address))
                .isInstanceOfSatisfying(BmcAddressException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                    assertThat(e.address()).doesNotContain("s3cret");
                });
    }

    @Test
    void theTablesCoverEverySchemeInTheRegistry() {
        Set<String> expected = new TreeSet<>(Set.of("ipmi", "libvirt",
                "redfish", "redfish+http", "redfish+https",
                "redfish-virtualmedia", "redfish-virtualmedia+http", "redfish-virtualmedia+https",
                "idrac-redfish", "idrac-redfish+http", "idrac-redfish+https",
                "idrac-virtualmedia", "idrac-virtualmedia+http", "idrac-virtualmedia+https",
                "ilo5-redfish", "ilo5-redfish+http", "ilo5-redfish+https",
                "ilo5-virtualmedia", "ilo5-virtualmedia+http", "ilo5-virtualmedia+https",
                "redfish-uefihttp", "redfish-uefihttp+http", "redfish-uefihttp+https"));
        assertThat(new TreeSet<>(BmcSchemeRegistry.standard().schemeNames())).isEqualTo(expected);
        for (String scheme : expected) {
            boolean udp = scheme.equals("ipmi") || scheme.equals("libvirt");
            BmcAddress a = BmcAddress.parse(scheme + "://bmc.example" + (udp ? "" : "/redfish/v1/Systems/1"));
            assertThat(a.scheme().name()).isEqualTo(scheme);
            int defaultPort = udp ? 623 : scheme.endsWith("+http") ? 80 : 443;
            assertThat(a.port()).as(scheme).isEqualTo(defaultPort);
        }
    }

    @Test
    void aRegistryListsExactlyWhatItIsGivenAndNothingRegistersItself() {
        BmcSchemeRegistry onlyIpmi = new BmcSchemeRegistry(java.util.List.of(new BmcScheme("ipmi", BmcDriver.IPMI, Transport.UDP)));
        assertThat(onlyIpmi.parse("10.0.0.1").driver()).isEqualTo(BmcDriver.IPMI);
        assertThatThrownBy(() -> onlyIpmi.parse("redfish://10.0.0.1")).isInstanceOf(BmcAddressException.UnknownScheme.class);
        assertThatThrownBy(() -> new BmcSchemeRegistry(java.util.List.of(
                new BmcScheme("ipmi", BmcDriver.IPMI, Transport.UDP), new BmcScheme("ipmi", BmcDriver.LIBVIRT, Transport.UDP))))
                .hasMessageContaining("listed twice");
    }

    @Test
    void canonicalFormMakesEveryDefaultExplicitAndBracketsIpv6() {
        assertThat(BmcAddress.parse("192.0.2.10")).hasToString("ipmi://192.0.2.10:623");
        assertThat(BmcAddress.parse("ipmi://10.0.0.1?privilegelevel=operator")).hasToString("ipmi://10.0.0.1:623?privilegelevel=OPERATOR");
        assertThat(BmcAddress.parse("fd00::1")).hasToString("ipmi://[fd00::1]:623");
        assertThat(BmcAddress.parse("redfish://10.0.0.5/redfish/v1/Systems/1")).hasToString("redfish://10.0.0.5:443/redfish/v1/Systems/1");
        assertThat(BmcAddress.parse("ipmi://[fd00::1]").authority()).isEqualTo("[fd00::1]:623");
        assertThat(BmcAddress.parse("ipmi://[fd00::1]").isIpv6()).isTrue();
        assertThat(BmcAddress.parse("ipmi://10.0.0.1").isIpv6()).isFalse();
    }
}
