package io.metalkube.domain.discovery;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A host to create for a discovered BMC: a deterministic name, the BMC address, no credentials, and
 * operationalStatus discovered. An operator adds spec.bmc.credentialsName to take it into management.
 */
public record HostProposal(Host host) {

    public static final String SOURCE_LABEL = "metalkube.io/discovered-by";

    public static HostProposal forBmc(DiscoveredBmc bmc, String namespace, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels == null ? Map.of() : labels);
        if (!bmc.source().isEmpty()) {
            all.put(SOURCE_LABEL, bmc.source());
        }
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails(bmc.address().toString(), "", false));
        HostStatus status = HostStatus.initial().withOperationalStatus(OperationalStatus.DISCOVERED);
        Host host = new Host(new HostId(namespace, nameFor(bmc.address())), "", all, null, spec, status, false);
        return new HostProposal(host);
    }

    /**
     * e.g. ipmi://10.0.0.7:623 → {@code bmc-10-0-0-7-623}: a valid DNS-1123 label of at most 63 characters.
     * Dots, colons and hyphens all become "-", so only IPv4 addresses and hyphen-free DNS names map one to one;
     * every other name (IPv6 literals, names with hyphens) ends in a hash of the original, so that two different
     * BMCs such as {@code [fd00::1]} and {@code [fd00:1::]} never get the same host name.
     */
    public static String nameFor(BmcAddress address) {
        String raw = "bmc-" + address.host() + "-" + address.port();
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        String hash = String.format(Locale.ROOT, "%08x", raw.hashCode());
        boolean lossy = address.host().chars().anyMatch(c -> c == '-' || c == ':' || c == '%');
        if (lossy || name.length() > 63) {
            name = (name.length() > 54 ? name.substring(0, 54) : name) + "-" + hash;
        }
        return name;
    }
}
