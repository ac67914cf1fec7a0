package io.metalkube.kubernetes.admission;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.WireNamed;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks only the wire form can make: the mapping to the domain reads an unknown enum value as "unset" and an image
 * without URL as "no image", so these would otherwise pass silently (metal3-anchors.md §1.2, §1.7).
 */
final class HostWireChecks {

    private static final List<String> INSPECTION_MODES = List.of("disabled", "agent", "fast");

    private HostWireChecks() {
    }

    static void check(BareMetalHostSpec spec, List<String> problems) {
        if (spec == null) {
            problems.add("spec is required (at least spec.online)");
            return;
        }
        if (spec.bmc != null && spec.bmc.credentialsName != null && spec.bmc.credentialsName.contains("/")) {
            problems.add("spec.bmc.credentialsName " + Text.quote(spec.bmc.credentialsName) + " names a Secret in another namespace;"
                    + " give only the name of a Secret in the host's own namespace");
        }
        if (spec.bmc != null && !blank(spec.bmc.address) && blank(spec.bmc.credentialsName)) {
            problems.add("spec.bmc.credentialsName is required when spec.bmc.address is set (a Secret with keys username and password)");
        }
        lenientReads(spec, problems);
    }

    /**
     * Only what the mapping reads leniently (the domain never sees these), without the credentials reference
     * checks, which the credentials lookup and the domain report themselves.
     */
    static void lenientReads(BareMetalHostSpec spec, List<String> problems) {
        if (spec == null) {
            return;
        }
        oneOf(problems, "spec.bootMode", spec.bootMode, BootMode.class);
        oneOf(problems, "spec.automatedCleaningMode", spec.automatedCleaningMode, AutomatedCleaningMode.class);
        if (spec.inspectionMode != null && !INSPECTION_MODES.contains(spec.inspectionMode)) {
            problems.add("spec.inspectionMode " + Text.quote(spec.inspectionMode) + " is not one of " + String.join(", ", INSPECTION_MODES));
        }
        if (spec.image != null) {
            image(spec.image, problems);
        }
        if (spec.customDeploy != null && spec.customDeploy.method == null) {
            problems.add("spec.customDeploy.method is required when spec.customDeploy is set (the deploy step to run, e.g. install_coreos)");
        }
        if (spec.firmware != null && !spec.firmware.isNull()) {
            problems.add("spec.firmware is no longer supported; use a HostFirmwareSettings resource instead");
        }
    }

    private static void image(BareMetalHostSpec.Image image, List<String> problems) {
        if (blank(image.url)) {
            problems.add("spec.image.url is required when spec.image is set (give the image URL and its checksum, or remove spec.image)");
        }
        oneOf(problems, "spec.image.checksumType", image.checksumType, ChecksumType.class);
        oneOf(problems, "spec.image.format", image.format, DiskFormat.class);
        boolean needsChecksum = !blank(image.url) && !image.url.startsWith("oci://") && !"live-iso".equals(image.format);
        if (needsChecksum && blank(image.checksum)) {
            problems.add("spec.image.checksum is required for " + Text.quote(image.url)
                    + " (a checksum value or the URL of a checksum file; only oci:// and live-iso images may omit it)");
        }
    }

    private static <E extends Enum<E> & WireNamed> void oneOf(List<String> problems, String field, String value, Class<E> type) {
        if (value != null && WireNamed.fromWire(type, value).isEmpty()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", "));
            problems.add(field + " " + Text.quote(value) + " is not one of " + allowed);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
