package io.metalkube.redfish.wire;

/** The common {@code Status} object (schema Resource.Status): State and Health. */
final class Status {

    private Status() {
    }

    static String state(Fields resource) {
        Fields s = resource.object("Status");
        return s == null ? null : s.text("State");
    }

    static String health(Fields resource) {
        Fields s = resource.object("Status");
        return s == null ? null : s.text("Health");
    }
}
