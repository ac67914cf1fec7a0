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

    /** e.g. ipmi://10.0.0.7:623 → {@code bmc-10-0-0-7-623}; IPv6 colons become dashes too. A valid DNS-1123 name. */
    public static String nameFor(BmcAddress address) {
        String raw = "bmc-" + address.host() + "-" + address.port();
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        if (name.length() > 63) {
            name = name.substring(0, 54) + "-" + Integer.toHexString(raw.hashCode() & 0x7fffffff);
        }
        return name.endsWith("-") ? name + "0" : name;
    }
}
