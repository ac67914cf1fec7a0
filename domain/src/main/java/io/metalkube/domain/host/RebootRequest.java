package io.metalkube.domain.host;

/**
 * One {@code reboot.metal3.io} annotation. The suffixless form ({@code key} empty) reboots once and is removed;
 * a keyed form {@code reboot.metal3.io/<key>} keeps the host off until every keyed annotation is removed.
 */
public record RebootRequest(String key, RebootMode mode) {

    public RebootRequest {
        key = key == null ? "" : key;
        mode = mode == null ? RebootMode.SOFT_THEN_HARD : mode;
    }

    public boolean isKeyed() {
        return !key.isEmpty();
    }
}
