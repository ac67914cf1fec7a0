package io.metalkube.kubernetes.mapping;

/**
 * A field of a custom resource that the mapping cannot read, not even leniently: the controller reports it in the
 * object's status and in a Warning event, and backs off, instead of letting the reconcile loop crash on it.
 */
public final class UnreadableFieldException extends RuntimeException {

    private final String object;
    private final String field;
    private final String problem;

    public UnreadableFieldException(String field, String problem) {
        this("", field, problem);
    }

    private UnreadableFieldException(String object, String field, String problem) {
        super((object.isEmpty() ? "" : object + ": ") + field + ": " + problem);
        this.object = object;
        this.field = field;
        this.problem = problem;
    }

    /** The same, saying which object it is in ({@code BareMetalHost default/host-0}). */
    public UnreadableFieldException in(String object) {
        UnreadableFieldException e = new UnreadableFieldException(object, field, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The object, when known ({@link #in}), else empty. */
    public String object() {
        return object;
    }

    /** Field and problem, without the object: {@code status.provisioning.state: "x" is not ...}. */
    public String fieldAndProblem() {
        return field + ": " + problem;
    }

    /** Where it is, as a path: {@code status.provisioning.state}, {@code metadata.annotations["reboot.metal3.io"]}. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
