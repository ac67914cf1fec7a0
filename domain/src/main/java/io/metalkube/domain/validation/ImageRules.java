package io.metalkube.domain.validation;

import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;

import java.util.ArrayList;
import java.util.List;

/** What makes an image provisionable (metal3's webhook rules): an http(s), file or oci URL, and a checksum unless oci:// or live-iso. */
public final class ImageRules {

    private ImageRules() {
    }

    /** Problems with {@code image}, each naming {@code where} (e.g. "spec.image"); empty when it is provisionable. */
    public static List<String> problems(String where, Image image) {
        List<String> problems = new ArrayList<>();
        if (!image.hasUrl()) {
            problems.add(where + ".url is required");
            return problems;
        }
        if (!image.url().matches("^(https?|file|oci)://[^\\s]+$")) {
            problems.add(where + ".url \"" + image.url() + "\" is not an http(s), file or oci URL");
        }
        if (image.checksum().isBlank() && !image.url().startsWith("oci://") && image.format() != DiskFormat.LIVE_ISO) {
            problems.add(where + ".checksum is required for \"" + image.url()
                    + "\" (a checksum value or the URL of a checksum file; only oci:// and live-iso images may omit it)");
        }
        return problems;
    }
}
