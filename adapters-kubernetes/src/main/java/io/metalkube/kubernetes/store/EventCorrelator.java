package io.metalkube.kubernetes.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How client-go's EventRecorder (tools/record, EventCorrelator) keeps Events from flooding the API server, as far as
 * writes go: a repeat of an event already recorded for the same object (same type, reason, message) raises the stored
 * Event's count instead of creating a new Event; and when more than {@value #MAX_SIMILAR} events of one object, type
 * and reason but different messages arrive within {@link #SIMILAR_WINDOW}, the rest are combined into one Event,
 * "(combined from similar events): latest message", whose count then rises. Pure bookkeeping, no I/O; thread-safe.
 */
final class EventCorrelator {

    static final int MAX_SIMILAR = 10;
    static final Duration SIMILAR_WINDOW = Duration.ofMinutes(10);
    static final String COMBINED = "(combined from similar events): ";
    /** Like client-go's LRU of 4096 event keys: enough for every host's recent events, bounded for 10,000 hosts. */
    private static final int CACHE_SIZE = 4096;

    /** What to write: a new Event, or a count update of {@code name}. */
    sealed interface Decision {
        String message();
    }

    record Create(String message) implements Decision {
    }

    record Update(String name, int count, String firstTimestamp, String message) implements Decision {
    }

    private record Recorded(String name, int count, String firstTimestamp) {
    }

    private final Map<String, Recorded> recorded = lru();
    private final Map<String, Deque<Instant>> similar = lru();

    /** Decides the write for an event on {@code object} ("kind/namespace/name/uid") at {@code now}. */
    synchronized Decision decide(String object, String type, String reason, String message, Instant now) {
        String group = object + '\u0000' + type + '\u0000' + reason;
        Deque<Instant> times = similar.computeIfAbsent(group, k -> new ArrayDeque<>());
        String key = group + '\u0000' + message;
        if (!recorded.containsKey(key)) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(SIMILAR_WINDOW))) {
                times.removeFirst();
            }
            times.addLast(now);
        }
        String effective = message;
        if (times.size() > MAX_SIMILAR && !recorded.containsKey(key)) {
            effective = COMBINED + message;
            key = group + '\u0000' + COMBINED;
        }
        Recorded previous = recorded.get(key);
        if (previous == null) {
            return new Create(effective);
        }
        return new Update(previous.name(), previous.count() + 1, previous.firstTimestamp(), effective);
    }

    /** Records what was written, so that the next repeat updates it. */
    synchronized void written(String object, String type, String reason, String message, Decision decision, String name, String firstTimestamp) {
        String group = object + '\u0000' + type + '\u0000' + reason;
        String key = group + '\u0000' + (decision.message().startsWith(COMBINED) && !message.startsWith(COMBINED) ? COMBINED : message);
        int count = decision instanceof Update u ? u.count() : 1;
        recorded.put(key, new Recorded(name, count, firstTimestamp));
    }

    /** Forgets a recorded Event that the API server no longer has (expired): the next repeat creates it again. */
    synchronized void forget(String name) {
        recorded.values().removeIf(r -> r.name().equals(name));
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
