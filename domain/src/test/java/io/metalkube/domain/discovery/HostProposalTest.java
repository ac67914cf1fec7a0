package io.metalkube.domain.discovery;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A discovered BMC becomes a host proposal: deterministic name, no credentials, operationalStatus discovered. */
class HostProposalTest {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static DiscoveredBmc found(String address) {
        return new DiscoveredBmc(BmcAddress.parse(address), "ipmi-scan", "IPMI 2.0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ipmi://10.0.0.7                                  | bmc-10-0-0-7-623
            192.0.2.10:6230                                  | bmc-192-0-2-10-6230
            ipmi://BMC7.Lab.Example                          | bmc-bmc7-lab-example-623
            redfish://10.0.0.5                               | bmc-10-0-0-5-443
            redfish://10.0.0.5/redfish/v1/                   | bmc-10-0-0-5-443
            """)
    void theNameIsDerivedFromHostAndPort(String address, String name) {
        assertThat(HostProposal.nameFor(BmcAddress.parse(address))).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} -> {1}...")
    @CsvSource(delimiter = '|', textBlock = """
            ipmi://BMC-7.Lab.Example                         | bmc-bmc-7-lab-example-623-
            ipmi://[fd00::1]                                 | bmc-fd00-1-623-
            """)
    void namesThatLoseCharactersCarryAShortHash(String address, String prefix) {
        assertThat(HostProposal.nameFor(BmcAddress.parse(address))).startsWith(prefix).matches(DNS_1123_LABEL)
                .hasSize(prefix.length() + 8);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ipmi://[fd00::1]        | ipmi://[fd00:1::]
            ipmi://[fd00::1:0]      | ipmi://[fd00:1::0]
            ipmi://a-b.example      | ipmi://a.b-example
            ipmi://bmc-7            | ipmi://bmc.7
            ipmi://10-0-0-7         | ipmi://10.0.0.7
            """)
    void differentBmcsWhoseNamesWouldLookAlikeStillGetDifferentNames(String one, String two) {
        assertThat(HostProposal.nameFor(BmcAddress.parse(one))).isNotEqualTo(HostProposal.nameFor(BmcAddress.parse(two)));
    }

    @Test
    void eachSystemOfOneRedfishBmcGetsItsOwnReadableName() {
        String one = HostProposal.nameFor(BmcAddress.parse("redfish://10.0.0.5/redfish/v1/Systems/1"));
        String two = HostProposal.nameFor(BmcAddress.parse("redfish://10.0.0.5/redfish/v1/Systems/2"));

        assertThat(one).startsWith("bmc-10-0-0-5-443-1-").matches(DNS_1123_LABEL);
        assertThat(two).startsWith("bmc-10-0-0-5-443-2-");
        assertThat(HostProposal.nameFor(BmcAddress.parse("redfish+http://127.0.0.1:8000/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094")))
                .hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL);
    }

    @Test
    void aBmcAnIronicNodeCameFromStartsWithThatNodesIdSoRegistrationTakesItOver() {
        DiscoveredBmc known = new DiscoveredBmc(BmcAddress.parse("ipmi://10.0.0.7"), "ironic", "Ironic node rack3-7", "1be26c0b-node");

        Host host = HostProposal.forBmc(known, "dc1", Map.of()).host();

        assertThat(host.status().provisioning().id()).isEqualTo("1be26c0b-node");
        assertThat(host.status().operationalStatus()).isEqualTo(OperationalStatus.DISCOVERED);
        assertThat(host.annotations().statusBackup()).as("kept where a store cannot write status on creation").contains(host.status());
        assertThat(HostProposal.forBmc(found("ipmi://10.0.0.7"), "dc1", Map.of()).host().annotations().statusBackup()).isEmpty();
    }

    @Test
    void theSameBmcAlwaysGetsTheSameName() {
        Host a = HostProposal.forBmc(found("ipmi://10.0.0.7"), "dc1", Map.of()).host();
        Host b = HostProposal.forBmc(found("10.0.0.7:623"), "dc1", Map.of()).host();

        assertThat(a.id()).isEqualTo(b.id());
    }

    @Test
    void aVeryLongHostNameIsShortenedWithAHashThatKeepsItUnique() {
        String label = "a".repeat(60);
        String one = HostProposal.nameFor(BmcAddress.parse("ipmi://" + label + ".one.example"));
        String two = HostProposal.nameFor(BmcAddress.parse("ipmi://" + label + ".two.example"));

        assertThat(one).hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void theProposalCarriesTheAddressButNoCredentials() {
        Host host = HostProposal.forBmc(found("ipmi://10.0.0.7"), "dc1", Map.of("site", "lab")).host();

        assertThat(host.id().namespace()).isEqualTo("dc1");
        assertThat(host.spec().bmc().address()).isEqualTo("ipmi://10.0.0.7:623");
        assertThat(host.spec().bmc().credentialsName()).isEmpty();
        assertThat(host.spec().consumerRef()).isNull();
        assertThat(host.spec().online()).isFalse();
        assertThat(host.labels()).containsEntry("site", "lab").containsEntry(HostProposal.SOURCE_LABEL, "ipmi-scan");
    }

    @Test
    void theProposalIsDiscoveredAndNotYetManaged() {
        Host host = HostProposal.forBmc(found("ipmi://10.0.0.7"), "dc1", null).host();

        assertThat(host.status().operationalStatus()).isEqualTo(OperationalStatus.DISCOVERED);
        assertThat(host.state()).isEqualTo(ProvisioningState.NONE);
        assertThat(host.status().goodCredentials()).isNull();
        assertThat(host.labels()).containsOnlyKeys(HostProposal.SOURCE_LABEL);
    }

    @Test
    void aSourcelessDiscoveryAddsNoSourceLabel() {
        Host host = HostProposal.forBmc(new DiscoveredBmc(BmcAddress.parse("10.0.0.7"), null, null), "dc1", Map.of()).host();

        assertThat(host.labels()).isEmpty();
    }

    @Property(tries = 500)
    void everyNameIsAValidKubernetesName(@ForAll("addresses") BmcAddress address) {
        assertThat(HostProposal.nameFor(address)).hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL);
    }

    @Property(tries = 500)
    void differentBmcsGetDifferentNames(@ForAll("addresses") BmcAddress a, @ForAll("addresses") BmcAddress b) {
        if (a.host().equals(b.host()) && a.port() == b.port() && HostProposal.systemOf(a).equals(HostProposal.systemOf(b))) {
            return; // the same BMC (and system), whatever the scheme
        }
        assertThat(HostProposal.nameFor(a)).as(a + " vs " + b).isNotEqualTo(HostProposal.nameFor(b));
    }

    @Provide
    Arbitrary<BmcAddress> addresses() {
        Arbitrary<String> octet = Arbitraries.integers().between(0, 255).map(String::valueOf);
        Arbitrary<String> ipv4 = octet.list().ofSize(4).map(l -> String.join(".", l));
        Arbitrary<String> group = Arbitraries.of("0", "1", "a", "fd00", "db8", "ff");
        Arbitrary<String> ipv6 = net.jqwik.api.Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((l, r) -> "[" + String.join(":", l) + "::" + String.join(":", r) + "]");
        Arbitrary<String> dns = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(70)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l)).filter(h -> h.length() <= 253 && h.split("\\.")[0].length() <= 63
                        && java.util.Arrays.stream(h.split("\\.")).allMatch(x -> x.length() <= 63));
        Arbitrary<Integer> ports = Arbitraries.of(623, 6230, 443);
        Arbitrary<String> systems = Arbitraries.of("", "", "/redfish/v1", "/redfish/v1/Systems/1", "/redfish/v1/Systems/2",
                "/redfish/v1/Systems/System.Embedded.1", "/redfish/v1/Systems/27946b59-9e44-4fa7-8e91-f3527a1ef094");
        return net.jqwik.api.Combinators.combine(Arbitraries.oneOf(ipv4, ipv6, dns), ports, systems)
                .as((host, port, system) -> BmcAddress.parse((system.isEmpty() ? "ipmi://" : "redfish://") + host + ":" + port + system));
    }
}
