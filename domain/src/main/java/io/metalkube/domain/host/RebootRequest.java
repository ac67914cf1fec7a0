package io.metalkube.domain.host;

/**
 * One {@code reboot.metal3.io} annotation. The suffixless form ({@code key} empty) reboots once and is removed;
 * a keyed form {@code reboot.metal3.io/<key>} keeps the host off until every keyed annotation is removed.
 *
 * @param force the value's {@code "force": true}: metal3 serves reboot annotations on provisioned and externally
 *              provisioned hosts only, and on any other steady host (e.g. available) only when forced
 */
public record RebootRequest(String key, RebootMode mode, boolean force) {

    public RebootRequest {
        key = key == null ? "" : key;
        mode = mode == null ? RebootMode.SOFT_THEN_HARD : mode;
    }

    /** Not forced. */
    public RebootRequest(String key, RebootMode mode) {
        this(key, mode, false);
    }

    public boolean isKeyed() {
        return !key.isEmpty();
    }

    /** The annotation's name, for messages. */
    public String annotation() {
        return isKeyed() ? "reboot.metal3.io/" + key : "reboot.metal3.io";
    }
}
