package io.metalkube.domain.bmc;

import java.util.Objects;

/**
 * A parsed BMC address: immutable, parsed once by {@link BmcSchemeRegistry#parse(String)}.
 *
 * @param scheme         the scheme it was written with (bare {@code host[:port]} means {@code ipmi})
 * @param host           host name, IPv4 address, or IPv6 literal without brackets
 * @param port           explicit or default port
 * @param path           Redfish system path such as {@code /redfish/v1/Systems/1}, or empty
 * @param privilegeLevel IPMI session privilege (ADMINISTRATOR unless {@code ?privilegelevel=} says otherwise)
 */
public record BmcAddress(BmcScheme scheme, String host, int port, String path, PrivilegeLevel privilegeLevel) {

    public BmcAddress {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(privilegeLevel, "privilegeLevel");
    }

    /** Parses with the standard scheme registry. */
    public static BmcAddress parse(String text) {
        return BmcSchemeRegistry.standard().parse(text);
    }

    public BmcDriver driver() {
        return scheme.driver();
    }

    public BmcCapabilities capabilities() {
        return scheme.driver().capabilities();
    }

    public boolean isIpv6() {
        return host.indexOf(':') >= 0;
    }

    /** host:port with IPv6 literals bracketed, as a URL authority. */
    public String authority() {
        return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
    }

    /** The canonical form, with every default made explicit. */
    @Override
    public String toString() {
        String query = scheme.transport() == Transport.UDP && privilegeLevel != PrivilegeLevel.ADMINISTRATOR
                ? "?privilegelevel=" + privilegeLevel.name() : "";
        return scheme.name() + "://" + authority() + path + query;
    }
}
