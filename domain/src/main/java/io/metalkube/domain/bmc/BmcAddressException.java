package io.metalkube.domain.bmc;

/**
 * A BMC address that cannot be used. Every parsing failure is one of the permitted subtypes,
 * each with a message that names the address and says what to fix.
 */
public abstract sealed class BmcAddressException extends IllegalArgumentException
        permits BmcAddressException.UnknownScheme, BmcAddressException.MissingHost,
                BmcAddressException.BadPort, BmcAddressException.Malformed {

    private final String address;

    BmcAddressException(String address, String message) {
        super(message);
        this.address = address;
    }

    /** Longest part of an address quoted in a message: hostile or mistaken input must not make statuses and events huge. */
    static final int QUOTED_MAX = 120;

    /** {@code address} for a message: at most {@link #QUOTED_MAX} characters, then how long it really is. */
    static String quoted(String address) {
        return address.length() <= QUOTED_MAX ? address
                : address.substring(0, QUOTED_MAX) + "… (" + address.length() + " characters)";
    }

    /** A problem description, which may quote part of the address: at most twice {@link #QUOTED_MAX} characters. */
    static String clipped(String problem) {
        return problem.length() <= 2 * QUOTED_MAX ? problem : problem.substring(0, 2 * QUOTED_MAX) + "…";
    }

    /** The address as the user wrote it, with any password written into it masked. */
    public String address() {
        return address;
    }

    /** The scheme is not one MetalKube knows (see {@link BmcSchemeRegistry#schemeNames()}). */
    public static final class UnknownScheme extends BmcAddressException {
        private final String scheme;

        UnknownScheme(String address, String scheme, Iterable<String> known) {
            super(address, "unknown BMC scheme \"" + quoted(scheme) + "\" in \"" + quoted(address) + "\"; use one of " + String.join(", ", known));
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    /** No host name or IP address. */
    public static final class MissingHost extends BmcAddressException {
        MissingHost(String address) {
            super(address, "BMC address \"" + quoted(address) + "\" has no host; write e.g. ipmi://192.0.2.10 or redfish://bmc.example.com/redfish/v1/Systems/1");
        }
    }

    /** A port that is not a number between 1 and 65535. */
    public static final class BadPort extends BmcAddressException {
        BadPort(String address, String port) {
            super(address, "BMC address \"" + quoted(address) + "\" has a bad port \"" + quoted(port) + "\"; a port is a number from 1 to 65535");
        }
    }

    /** Anything else: bad characters, an invalid host name or IPv6 literal, a bad query. */
    public static final class Malformed extends BmcAddressException {
        Malformed(String address, String problem) {
            super(address, "BMC address \"" + quoted(address) + "\" is malformed: " + clipped(problem));
        }
    }
}
