package io.metalkube.redfish.wire;

/** SessionService (DSP0266 §13.3.5, schema SessionService): where its Sessions collection is, and the idle timeout. */
public record SessionService(String sessions, Long sessionTimeoutSeconds) {

    public static SessionService decode(byte[] body) {
        Fields f = Fields.parse(body, "SessionService");
        return new SessionService(f.link("Sessions"), f.integer("SessionTimeout"));
    }
}
