package io.metalkube.domain.lifecycle;

/** Something a user should see on the host's event list. Messages never contain secrets. */
public record HostEvent(Severity severity, String reason, String message) {

    public enum Severity { NORMAL, WARNING }

    public static HostEvent normal(String reason, String message) {
        return new HostEvent(Severity.NORMAL, reason, message);
    }

    public static HostEvent warning(String reason, String message) {
        return new HostEvent(Severity.WARNING, reason, message);
    }
}
