package io.metalkube.domain.bmc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit list of BMC URL schemes MetalKube understands, and the parser that uses it.
 * Nothing registers itself: the registry is exactly what {@link #standard()} (or a caller) lists.
 * Parsing rules follow metal3 (metal3-anchors.md §1.3): a bare {@code host[:port]} means ipmi,
 * the opaque form {@code ipmi:host} means {@code ipmi://host}, IPv6 literals go in brackets.
 */
public final class BmcSchemeRegistry {

    private static final BmcSchemeRegistry STANDARD = new BmcSchemeRegistry(standardSchemes());

    private final Map<String, BmcScheme> schemes;

    public BmcSchemeRegistry(List<BmcScheme> schemes) {
        Map<String, BmcScheme> byName = new LinkedHashMap<>();
        for (BmcScheme scheme : schemes) {
            if (byName.putIfAbsent(scheme.name(), scheme) != null) {
                throw new IllegalArgumentException("BMC scheme listed twice: " + scheme.name());
            }
        }
        this.schemes = Collections.unmodifiableMap(byName);
    }

    public static BmcSchemeRegistry standard() {
        return STANDARD;
    }

    private static List<BmcScheme> standardSchemes() {
        List<BmcScheme> list = new ArrayList<>();
        list.add(new BmcScheme("ipmi", BmcDriver.IPMI, Transport.UDP));
        list.add(new BmcScheme("libvirt", BmcDriver.LIBVIRT, Transport.UDP));
        redfishFamily(list, "redfish", BmcDriver.REDFISH);
        redfishFamily(list, "redfish-virtualmedia", BmcDriver.REDFISH_VIRTUALMEDIA);
        redfishFamily(list, "idrac-redfish", BmcDriver.IDRAC_REDFISH);
        redfishFamily(list, "idrac-virtualmedia", BmcDriver.IDRAC_VIRTUALMEDIA);
        redfishFamily(list, "ilo5-redfish", BmcDriver.ILO5_REDFISH);
        redfishFamily(list, "ilo5-virtualmedia", BmcDriver.ILO5_VIRTUALMEDIA);
        redfishFamily(list, "redfish-uefihttp", BmcDriver.REDFISH_UEFIHTTP);
        return list;
    }

    private static void redfishFamily(List<BmcScheme> list, String base, BmcDriver driver) {
        list.add(new BmcScheme(base, driver, Transport.HTTPS));
        list.add(new BmcScheme(base + "+http", driver, Transport.HTTP));
        list.add(new BmcScheme(base + "+https", driver, Transport.HTTPS));
    }

    public List<String> schemeNames() {
        return List.copyOf(schemes.keySet());
    }

    public Optional<BmcScheme> scheme(String name) {
        return Optional.ofNullable(schemes.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Parses a BMC address.
     *
     * @throws BmcAddressException (one of its subtypes) for anything that is not a usable address
     */
    public BmcAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BmcAddressException.MissingHost(text == null ? "" : text);
        }
        String address = text.trim();
        String shown = withoutPassword(text);
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new BmcAddressException.Malformed(shown, "it contains a space, control or non-ASCII character at position " + (i + 1));
            }
        }
        String schemeName;
        String rest;
        int sep = address.indexOf("://");
        if (sep >= 0) {
            schemeName = address.substring(0, sep);
            rest = address.substring(sep + 3);
        } else if (isOpaqueForm(address)) {
            int colon = address.indexOf(':');
            schemeName = address.substring(0, colon);
            rest = address.substring(colon + 1);
        } else {
            schemeName = "ipmi";
            rest = address;
        }
        if (schemeName.isEmpty()) {
            throw new BmcAddressException.Malformed(shown, "the scheme before \"://\" is empty");
        }
        BmcScheme scheme = scheme(schemeName)
                .orElseThrow(() -> new BmcAddressException.UnknownScheme(shown, schemeName, schemes.keySet()));
        return parseAfterScheme(shown, scheme, rest);
    }

    /**
     * The address as it may be shown in an error: a password written into it ({@code user:password@host}, which
     * metal3 forbids but users paste anyway) is replaced by {@code ***}, so it never reaches a status or an event.
     */
    static String withoutPassword(String text) {
        int firstAt = text.indexOf('@');
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int sep = text.indexOf("://");
        int start = sep >= 0 && sep < firstAt ? sep + 3 : 0;
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return text;
        }
        return text.substring(0, colon + 1) + "***" + text.substring(at);
    }

    /** {@code ipmi:10.0.0.1} is a scheme with an opaque part; {@code bmc-7:623} is a host with a port. */
    private boolean isOpaqueForm(String address) {
        int colon = address.indexOf(':');
        if (colon <= 0 || address.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        String after = address.substring(colon + 1);
        return schemes.containsKey(address.substring(0, colon).toLowerCase(Locale.ROOT)) && !after.chars().allMatch(Character::isDigit);
    }

    private BmcAddress parseAfterScheme(String text, BmcScheme scheme, String rest) {
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.indexOf('#') >= 0) {
            throw new BmcAddressException.Malformed(text, "a BMC address takes no #fragment");
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash) : "";
        if (authority.indexOf('@') >= 0) {
            throw new BmcAddressException.Malformed(text, "credentials do not belong in the address; put them in the Secret named by credentialsName");
        }
        HostAndPort hp = HostAndPort.parse(text, authority, scheme.transport().defaultPort());
        if (scheme.transport() == Transport.UDP) {
            if (!path.isEmpty() && !path.equals("/")) {
                throw new BmcAddressException.Malformed(text, scheme.name() + " addresses take no path (found \"" + path + "\")");
            }
            path = "";
        } else if (path.equals("/")) {
            path = "";
        }
        PrivilegeLevel privilege = parseQuery(text, scheme, query);
        return new BmcAddress(scheme, hp.host(), hp.port(), path, privilege);
    }

    private static PrivilegeLevel parseQuery(String text, BmcScheme scheme, String query) {
        PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        if (query.isEmpty()) {
            return privilege;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = (eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT);
            String value = eq >= 0 ? pair.substring(eq + 1) : "";
            if (!key.equals("privilegelevel")) {
                continue; // metal3 ignores query keys it does not use
            }
            if (scheme.transport() != Transport.UDP) {
                throw new BmcAddressException.Malformed(text, "privilegelevel applies to ipmi addresses only");
            }
            privilege = PrivilegeLevel.fromName(value).orElseThrow(() -> new BmcAddressException.Malformed(text,
                    "privilegelevel \"" + value + "\" is not one of CALLBACK, USER, OPERATOR, ADMINISTRATOR"));
        }
        return privilege;
    }
}
