package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalkube.domain.host.WireNamed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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

    /**
     * {@code map} without its null values: an API server that keeps a JSON null (the embedded one, after
     * {@code kubectl annotate KEY-} or {@code kubectl label KEY-}) stores what a real one deletes, so null reads as absent.
     */
    static Map<String, String> withoutNullValues(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The keys of {@code map} whose value is null (see {@link #withoutNullValues}), sorted. */
    static List<String> nullValued(Map<String, String> map) {
        if (map == null || map.values().stream().noneMatch(Objects::isNull)) { // Map.of() refuses containsValue(null)
            return List.of();
        }
        return map.entrySet().stream().filter(e -> e.getValue() == null && e.getKey() != null).map(Map.Entry::getKey).sorted().toList();
    }

    /** {@code list} without null entries (a JSON null in a list is no entry at all). */
    static <T> List<T> entries(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Reads one field with {@code read}; any failure becomes an {@link UnreadableFieldException} naming {@code field}
     * (one raised deeper, naming a more precise field, passes through).
     */
    static <T> T field(String field, Supplier<T> read) {
        try {
            return read.get();
        } catch (UnreadableFieldException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableFieldException(field, "cannot be read (" + e + ")");
        }
    }

    static <E extends Enum<E> & WireNamed> E enumOrNull(Class<E> type, String wire) {
        return WireNamed.fromWire(type, wire).orElse(null);
    }

    static String wire(WireNamed e) {
        return e == null ? null : e.wireName();
    }
}
