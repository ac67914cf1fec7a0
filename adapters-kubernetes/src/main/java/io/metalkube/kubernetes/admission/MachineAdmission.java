package io.metalkube.kubernetes.admission;

import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.claim.Requirement;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.mapping.ProviderConfigReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem with a Machine: its metadata, and its provider config read exactly as the Machine controller reads
 * it (so a config the webhook admits is one the controller can act on).
 */
final class MachineAdmission {

    List<String> check(Machine machine) {
        List<String> problems = new ArrayList<>();
        MetadataChecks.check(machine.getMetadata(), problems);
        String namespace = machine.getMetadata() == null || machine.getMetadata().getNamespace() == null ? ""
                : machine.getMetadata().getNamespace();
        String name = machine.getMetadata() == null || machine.getMetadata().getName() == null ? "" : machine.getMetadata().getName();
        ConsumerRef consumer = new ConsumerRef(Machine.API_VERSION, Machine.KIND, namespace, name.isEmpty() ? "unnamed" : name);
        switch (ProviderConfigReader.read(machine.getSpec(), consumer, namespace)) {
            case ProviderConfig.Invalid invalid -> problems.add(invalid.message());
            case ProviderConfig.Valid valid -> {
                selectorKeys(valid.request().selector(), problems);
                image(valid.request().image(), problems);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(problems));
    }

    /**
     * The image is copied into the claimed host's spec.image by the operator, so it must pass the host's image rules
     * too; otherwise the operator's own claim would be denied by the BareMetalHost webhook and retried forever.
     */
    private static void image(Image image, List<String> problems) {
        if (image == null) {
            return;
        }
        String where = "the provider config's image";
        if (!image.url().matches("^(https?|file|oci)://\\S+$")) {
            problems.add(where + ".url " + Text.quote(image.url()) + " is not an http(s), file or oci URL");
        } else if (image.checksum().isBlank() && !image.url().startsWith("oci://") && image.format() != DiskFormat.LIVE_ISO) {
            problems.add(where + ".checksum is required for " + Text.quote(image.url())
                    + " (a checksum value or the URL of a checksum file; only oci:// and live-iso images may omit it)");
        }
    }

    /** A selector can only match labels a host can carry: keys and values must be valid Kubernetes labels. */
    private static void selectorKeys(LabelSelector selector, List<String> problems) {
        String where = "the provider config's host selector";
        selector.matchLabels().forEach((k, v) -> MetadataChecks.label(where, k, v, problems));
        for (Requirement r : selector.matchExpressions()) {
            MetadataChecks.label(where, r.key(), "", problems);
            r.values().forEach(v -> MetadataChecks.label(where, r.key(), v, problems));
        }
    }
}
