package io.metalkube.domain.bmc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Parsing fails only with the domain's own error type, and the canonical rendering parses back to the same value. */
class BmcAddressPropertyTest {

    private static final BmcSchemeRegistry REGISTRY = BmcSchemeRegistry.standard();

    @Property(tries = 1000)
    void parsingAnyTextFailsOnlyWithBmcAddressException(@ForAll("addressLikeText") String text) {
        Throwable thrown = catchThrowable(() -> REGISTRY.parse(text));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(BmcAddressException.class);
            assertThat(thrown.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void parsingArbitraryUnicodeFailsOnlyWithBmcAddressException(@ForAll String text) {
        Throwable thrown = catchThrowable(() -> REGISTRY.parse(text));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(BmcAddressException.class);
        }
    }

    @Property(tries = 1000)
    void renderThenParseGivesTheSameAddress(@ForAll("addresses") BmcAddress address) {
        assertThat(REGISTRY.parse(address.toString())).isEqualTo(address);
    }

    @Property(tries = 1000)
    void whateverParsesIsStableUnderRendering(@ForAll("addressLikeText") String text) {
        BmcAddress first;
        try {
            first = REGISTRY.parse(text);
        } catch (BmcAddressException e) {
            return; // covered by the property above
        }
        assertThat(REGISTRY.parse(first.toString())).isEqualTo(first);
    }

    @Property(tries = 500)
    void aPasswordInsideAnAddressNeverReachesTheError(@ForAll("addressLikeText") String before,
                                                      @ForAll("addressLikeText") String after) {
        String password = "Pw\u00a7" + Integer.toHexString(before.hashCode() ^ after.hashCode());
        String text = before + "admin:" + password + "@" + after;
        Throwable thrown = catchThrowable(() -> REGISTRY.parse(text));
        assertThat(thrown).isInstanceOf(BmcAddressException.class);
        assertThat(thrown.getMessage()).doesNotContain(password);
        assertThat(((BmcAddressException) thrown).address()).doesNotContain(password);
    }

    /** Fragments of real addresses glued together at random: mostly near misses, some valid. */
    @Provide
    Arbitrary<String> addressLikeText() {
        List<String> fragments = List.of("ipmi", "redfish", "redfish+http", "idrac-virtualmedia+https", "libvirt", "foo",
                "IPMI", "://", ":", "//", "/", "[", "]", "::", "fd00", "%eth0", "10.0.0.1", "256", ".", "bmc-1", "example",
                "-", "_", "623", "0", "65536", "99999999999", "?", "privilegelevel=", "OPERATOR", "root", "&", "=", "#", "@",
                "admin:pw", " ", "\t", "é", "redfish/v1/Systems/1", "::ffff:", "1.2.3.4", "");
        return Arbitraries.of(fragments).list().ofMaxSize(9).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<BmcAddress> addresses() {
        Arbitrary<BmcScheme> schemes = Arbitraries.of(REGISTRY.schemeNames()).map(n -> REGISTRY.scheme(n).orElseThrow());
        return schemes.flatMap(scheme -> {
            boolean udp = scheme.transport() == Transport.UDP;
            Arbitrary<String> paths = udp ? Arbitraries.just("")
                    : Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().alpha().numeric().withChars(".-_")
                    .ofMinLength(1).ofMaxLength(20).map(id -> "/redfish/v1/Systems/" + id));
            Arbitrary<PrivilegeLevel> privileges = udp ? Arbitraries.of(PrivilegeLevel.class) : Arbitraries.just(PrivilegeLevel.ADMINISTRATOR);
            return Combinators.combine(hosts(), Arbitraries.integers().between(1, 65535), paths, privileges)
                    .as((host, port, path, privilege) -> new BmcAddress(scheme, host, port, path, privilege));
        });
    }

    private static Arbitrary<String> hosts() {
        Arbitrary<String> octet = Arbitraries.integers().between(0, 255).map(String::valueOf);
        Arbitrary<String> ipv4 = octet.list().ofSize(4).map(l -> String.join(".", l));
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(12)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> dns = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l))
                .filter(HostAndPort::isDnsName);
        Arbitrary<String> group = Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'f').ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> ipv6Full = group.list().ofSize(8).map(l -> String.join(":", l));
        Arbitrary<String> ipv6Short = Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((left, right) -> String.join(":", left) + "::" + String.join(":", right));
        Arbitrary<String> ipv6Zoned = ipv6Short.map(h -> h + "%eth0");
        return Arbitraries.oneOf(ipv4, dns, ipv6Full, ipv6Short, ipv6Zoned);
    }
}
