package io.metalkube.domain.lifecycle;

/** Changes to the host object other than its status, carried out by the store. */
public enum Effect {
    /** Deletion is complete: let the object go. */
    REMOVE_FINALIZER,
    /** The one-shot {@code reboot.metal3.io} annotation has been served. */
    CLEAR_ONCE_REBOOT,
    /** The {@code inspect.metal3.io} re-inspection request has been taken. */
    CLEAR_INSPECT_REQUEST,
    /** The status was restored from {@code baremetalhost.metal3.io/status}; drop the copy. */
    CLEAR_STATUS_BACKUP
}
