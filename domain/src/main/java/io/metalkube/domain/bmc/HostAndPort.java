package io.metalkube.domain.bmc;

import java.util.Locale;

/** The authority part of a BMC address, validated: a DNS name, an IPv4 address or a bracketed IPv6 literal, and a port. */
record HostAndPort(String host, int port) {

    static HostAndPort parse(String text, String authority, int defaultPort) {
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new BmcAddressException.Malformed(text, "an IPv6 literal opened with \"[\" is never closed with \"]\"");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new BmcAddressException.Malformed(text, "unexpected \"" + after + "\" after the IPv6 literal");
                }
                portText = after.substring(1);
            }
            if (host.isEmpty()) {
                throw new BmcAddressException.MissingHost(text);
            }
            if (!Ipv6.isValid(host)) {
                throw new BmcAddressException.Malformed(text, "\"" + host + "\" is not a valid IPv6 address");
            }
            host = host.toLowerCase(Locale.ROOT);
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                if (Ipv6.isValid(authority)) {
                    return new HostAndPort(authority.toLowerCase(Locale.ROOT), defaultPort); // bare IPv6 literal, no port possible
                }
                throw new BmcAddressException.Malformed(text, "put IPv6 literals in brackets, e.g. ipmi://[fd00::1]:623");
            }
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
            if (host.isEmpty()) {
                throw new BmcAddressException.MissingHost(text);
            }
            host = host.toLowerCase(Locale.ROOT);
            if (!isIpv4(host) && !isDnsName(host)) {
                throw new BmcAddressException.Malformed(text, "\"" + host + "\" is neither an IP address nor a valid DNS name");
            }
        }
        return new HostAndPort(host, portText == null ? defaultPort : port(text, portText));
    }

    private static int port(String text, String portText) {
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BmcAddressException.BadPort(text, portText);
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw new BmcAddressException.BadPort(text, portText);
        }
        return port;
    }

    static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 1123 host name: labels of letters, digits and inner hyphens, at most 63 each, 253 in all; not all-numeric. */
    static boolean isDnsName(String host) {
        if (host.length() > 253 || host.endsWith(".")) {
            return false;
        }
        boolean allNumeric = true;
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                boolean digit = c >= '0' && c <= '9';
                if (!letter && !digit && c != '-') {
                    return false;
                }
                allNumeric &= digit;
            }
        }
        return !allNumeric;
    }
}
