package io.metalkube.domain.host;

/**
 * The {@code baremetalhost.metal3.io/detached} annotation: remove the host from the back-end without deprovisioning
 * (metal3's DetachedAnnotationArguments).
 *
 * @param force        detach also in a state where it is not allowed yet (metal3: anything but provisioned,
 *                     externally provisioned and available), instead of waiting for the current operation
 * @param deleteAction what deleting a detached host does: DELETE it (without touching the back-end) or DELAY the
 *                     deletion while the annotation says so
 */
public record DetachRequest(boolean force, DeleteAction deleteAction) {

    /** metal3's DetachedDeleteAction: "delete" or "delay". */
    public enum DeleteAction implements WireNamed {
        DELETE("delete"), DELAY("delay");

        private final String wireName;

        DeleteAction(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    public DetachRequest {
        deleteAction = deleteAction == null ? DeleteAction.DELETE : deleteAction;
    }

    /** Deletion not delayed (metal3's default when deleteAction is missing). */
    public DetachRequest(boolean force) {
        this(force, DeleteAction.DELETE);
    }
}
