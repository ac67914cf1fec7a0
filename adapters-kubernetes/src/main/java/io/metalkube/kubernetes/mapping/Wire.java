package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalkube.domain.host.WireNamed;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small conversions shared by the mappers: strings, times, wire enums, one JSON mapper. */
final class Wire {

    /** Lenient about unknown fields (annotations written by newer metal3 versions), strict about types. */
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Wire() {
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    static Boolean trueOrNull(boolean b) {
        return b ? Boolean.TRUE : null;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    /** RFC 3339 timestamp, or null when absent or unreadable (a status field we cannot read is treated as unset). */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static <E extends Enum<E> & WireNamed> E enumOrNull(Class<E> type, String wire) {
        return WireNamed.fromWire(type, wire).orElse(null);
    }

    static String wire(WireNamed e) {
        return e == null ? null : e.wireName();
    }
}
