package io.metalkube.domain.discovery;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A host to create for a discovered BMC: a deterministic name, the BMC address, no credentials, and
 * operationalStatus discovered. An operator adds spec.bmc.credentialsName to take it into management. A BMC a
 * back-end already knows (a node in Ironic) starts with that node's id as status.provisioning.ID, also written to
 * metal3's status annotation (a store that cannot write status on creation keeps it there until the first
 * reconcile restores it), so registering the host takes over that node instead of enrolling a second one.
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
        HostAnnotations annotations = HostAnnotations.none();
        if (!bmc.backendId().isEmpty()) {
            status = status.withProvisioning(status.provisioning().withId(bmc.backendId()));
            annotations = annotations.withStatusBackup(Optional.of(status));
        }
        Host host = new Host(new HostId(namespace, nameFor(bmc.address())), "", all, annotations, spec, status, false);
        return new HostProposal(host);
    }

    /**
     * e.g. ipmi://10.0.0.7:623 → {@code bmc-10-0-0-7-623}: a valid DNS-1123 label of at most 63 characters.
     * Dots, colons and hyphens all become "-", so only IPv4 addresses and hyphen-free DNS names map one to one;
     * every other name (IPv6 literals, names with hyphens) ends in a hash of the original, so that two different
     * BMCs such as {@code [fd00::1]} and {@code [fd00:1::]} never get the same host name. A Redfish address that names
     * a system adds the system's last path segment and a hash of the path: one BMC serving several systems (a chassis
     * of blades, the sushy-tools emulator) gives one host per system, e.g. {@code bmc-10-0-0-5-443-1-4f2a…}.
     */
    public static String nameFor(BmcAddress address) {
        String system = systemOf(address);
        String raw = "bmc-" + address.host() + "-" + address.port();
        String readable = system.isEmpty() ? raw : raw + "-" + system.substring(system.lastIndexOf('/') + 1);
        String name = readable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("-$", "");
        String hash = String.format(Locale.ROOT, "%08x", (system.isEmpty() ? raw : raw + "/" + system).hashCode());
        boolean lossy = !system.isEmpty() || address.host().chars().anyMatch(c -> c == '-' || c == ':' || c == '%');
        if (lossy || name.length() > 63) {
            name = (name.length() > 54 ? name.substring(0, 54) : name).replaceAll("-$", "") + "-" + hash;
        }
        return name;
    }

    /**
     * The Redfish system an address names: its path without surrounding slashes, empty when there is none or only
     * {@code redfish/v1} (the BMC's only system, as metal3 reads it).
     */
    public static String systemOf(BmcAddress address) {
        String path = address.path().replaceAll("^/+|/+$", "");
        return path.equalsIgnoreCase("redfish/v1") ? "" : path;
    }
}
