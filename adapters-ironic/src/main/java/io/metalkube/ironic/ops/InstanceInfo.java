package io.metalkube.ironic.ops;

import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.RootDeviceHints;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to deploy, in Ironic's terms (metal3-anchors.md §2.3 "provisioning"; metal3's getInstanceUpdateOpts):
 * instance_info image_source, checksum (image_checksum for md5/auto, else image_os_hash_algo/value),
 * image_disk_format and boot-mode capabilities; a live ISO goes as {@code boot_iso} alone (ramdisk deploy); a custom
 * deploy keeps the image fields (all optional then) and records its method under {@link #CUSTOM_DEPLOY_KEY}; and the
 * root device hints in properties.root_device.
 */
final class InstanceInfo {

    /**
     * MetalKube's record of the custom deploy method on the node. metal3 sends the method only as a deploy step of
     * the {@code active} request, which Ironic keeps in driver_internal_info only while it deploys; this key keeps it
     * visible on the node (and lets a later reconcile see what the active node runs) until undeploy clears instance_info.
     */
    static final String CUSTOM_DEPLOY_KEY = "metalkube_custom_deploy";

    private InstanceInfo() {
    }

    static boolean isLiveIso(Image image, CustomDeploy customDeploy) {
        return customDeploy == null && image != null && image.format() == DiskFormat.LIVE_ISO;
    }

    static Map<String, Object> instanceInfo(Image image, BootMode bootMode, CustomDeploy customDeploy) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (isLiveIso(image, customDeploy)) {
            info.put("boot_iso", image.url());
        } else if (image != null) {
            imageFields(info, image);
        }
        if (customDeploy != null) {
            info.put(CUSTOM_DEPLOY_KEY, customDeploy.method());
        }
        BootMode mode = bootMode == null ? BootMode.UEFI : bootMode;
        Map<String, String> caps = new LinkedHashMap<>();
        caps.put("boot_mode", mode == BootMode.LEGACY ? "bios" : "uefi");
        if (mode == BootMode.UEFI_SECURE_BOOT) {
            caps.put("secure_boot", "true");
        }
        info.put("capabilities", caps);
        return info;
    }

    /** True when the node's instance_info says it runs what {@code p} asks for (used on an active node). */
    static boolean deployed(NodeJson node, Image image, CustomDeploy customDeploy) {
        Map<String, Object> ii = node.instanceInfo();
        if (customDeploy != null) {
            return Objects.equals(String.valueOf(ii.get(CUSTOM_DEPLOY_KEY)), customDeploy.method())
                    && (image == null || Objects.equals(String.valueOf(ii.get("image_source")), image.url()));
        }
        String key = isLiveIso(image, null) ? "boot_iso" : "image_source";
        return image != null && Objects.equals(String.valueOf(ii.get(key)), image.url());
    }

    private static void imageFields(Map<String, Object> info, Image image) {
        info.put("image_source", image.url());
        if (!image.checksum().isEmpty()) {
            ChecksumType type = image.checksumType();
            if (type == null || type == ChecksumType.MD5 || type == ChecksumType.AUTO) {
                info.put("image_checksum", image.checksum());
            } else {
                info.put("image_os_hash_algo", type.wireName());
                info.put("image_os_hash_value", image.checksum());
            }
        }
        if (image.format() != null) {
            info.put("image_disk_format", image.format().wireName());
        }
    }

    /** Ironic's root device hints (ironic-lib root device hints; size in GiB). */
    static Map<String, Object> rootDevice(RootDeviceHints h) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (h == null) {
            return m;
        }
        putIf(m, "name", h.deviceName());
        putIf(m, "hctl", h.hctl());
        putIf(m, "model", h.model());
        putIf(m, "vendor", h.vendor());
        putIf(m, "serial", h.serialNumber());
        if (h.minSizeGigabytes() != null) {
            m.put("size", ">= " + h.minSizeGigabytes());
        }
        putIf(m, "wwn", h.wwn());
        putIf(m, "wwn_with_extension", h.wwnWithExtension());
        putIf(m, "wwn_vendor_extension", h.wwnVendorExtension());
        if (h.rotational() != null) {
            m.put("rotational", h.rotational());
        }
        return m;
    }

    /** The patch that makes the node's instance_info and root device hints match; empty when they already do. */
    static JsonPatch patch(NodeJson node, Image image, BootMode bootMode, RootDeviceHints hints, CustomDeploy customDeploy) {
        JsonPatch patch = new JsonPatch();
        Map<String, Object> wanted = instanceInfo(image, bootMode, customDeploy);
        if (!sameStrings(wanted, node.instanceInfo()) || !wanted.keySet().containsAll(relevantKeys(node.instanceInfo()))) {
            patch.add("/instance_info", wanted);
        }
        Map<String, Object> root = rootDevice(hints);
        Object current = node.properties().get("root_device");
        if (root.isEmpty() ? current != null : !sameStrings(root, current instanceof Map<?, ?> m ? m : Map.of())) {
            if (root.isEmpty()) {
                patch.remove("/properties/root_device");
            } else {
                patch.add("/properties/root_device", root);
            }
        }
        return patch;
    }

    private static java.util.Set<String> relevantKeys(Map<String, Object> info) {
        java.util.Set<String> keys = new java.util.HashSet<>(info.keySet());
        keys.retainAll(java.util.Set.of("image_source", "image_checksum", "image_os_hash_algo", "image_os_hash_value", "image_disk_format",
                "boot_iso", CUSTOM_DEPLOY_KEY));
        return keys;
    }

    private static boolean sameStrings(Map<String, Object> wanted, Map<?, ?> actual) {
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!Objects.equals(String.valueOf(e.getValue()), String.valueOf(actual.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
