package io.metalkube.ironic.client;

/** An Ironic API microversion such as 1.82 (Ironic API reference, "API Versions"). */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The oldest microversion MetalKube works with: 1.56 takes the config drive as a JSON object. */
    public static final ApiVersion REQUIRED = new ApiVersion(1, 56);
    /** The newest microversion MetalKube knows; newer servers are spoken to at this one. */
    public static final ApiVersion PREFERRED = new ApiVersion(1, 89);
    /** {@code deploy_steps} in a provision state change (custom deploys, metal3's customDeploy). */
    public static final ApiVersion DEPLOY_STEPS = new ApiVersion(1, 69);
    /** {@code GET /v1/nodes/{id}/inventory} (built-in inspection data). */
    public static final ApiVersion INVENTORY = new ApiVersion(1, 81);

    public static ApiVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no API version given");
        }
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an API microversion (major.minor): \"" + text + "\"");
        }
        try {
            return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an API microversion (major.minor): \"" + text + "\"");
        }
    }

    /** The version to speak with a server supporting {@code [min, max]}, or null when the ranges do not overlap. */
    public static ApiVersion negotiate(ApiVersion min, ApiVersion max) {
        ApiVersion chosen = max.compareTo(PREFERRED) < 0 ? max : PREFERRED;
        return chosen.compareTo(REQUIRED) < 0 || chosen.compareTo(min) < 0 ? null : chosen;
    }

    public boolean atLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
