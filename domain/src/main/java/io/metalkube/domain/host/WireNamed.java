package io.metalkube.domain.host;

import java.util.Optional;

/** Enums whose constants travel under a fixed metal3 wire name. */
public interface WireNamed {

    String wireName();

    static <E extends Enum<E> & WireNamed> Optional<E> fromWire(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
