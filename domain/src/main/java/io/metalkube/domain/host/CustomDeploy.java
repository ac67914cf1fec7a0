package io.metalkube.domain.host;

import java.util.Objects;

/**
 * spec.customDeploy: deploy with a step of the deploy ramdisk instead of writing an image (metal3-anchors.md §1.2).
 * The method names an IPA deploy step (e.g. {@code install_coreos}); the image, when also set, is optional input
 * to it. Setting it (with online) provisions; clearing or changing it deprovisions, exactly as for the image.
 *
 * @param method the deploy step's name, never blank (a blank method means "no custom deploy", as in metal3)
 */
public record CustomDeploy(String method) {

    public CustomDeploy {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("a custom deploy needs a method; use no custom deploy instead of a blank one");
        }
    }

    /** A custom deploy for {@code method}, or null when the method is null or blank (metal3 ignores an empty method). */
    public static CustomDeploy ofNullable(String method) {
        return method == null || method.isBlank() ? null : new CustomDeploy(method);
    }

    /**
     * A deployment as events and messages show it: {@code image URL}, {@code custom deploy "m"} or
     * {@code custom deploy "m" with image URL}; {@code nothing} when neither is set.
     */
    public static String describe(Image image, CustomDeploy customDeploy) {
        String img = image == null || !image.hasUrl() ? null : "image " + image.url();
        if (customDeploy == null) {
            return img == null ? "nothing" : img;
        }
        return "custom deploy \"" + customDeploy.method() + "\"" + (img == null ? "" : " with " + img);
    }
}
