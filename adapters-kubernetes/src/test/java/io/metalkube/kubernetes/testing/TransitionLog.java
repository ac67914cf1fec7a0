package io.metalkube.kubernetes.testing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts host state changes as the host reconciler logs them ("host ns/name: a -> b", one INFO line each, written
 * once the change is stored), by host name: the denominator of the benchmarks' "writes per state change", measured
 * apart from the writes (one status write may store several changes). While attached the lines are counted, not printed.
 */
public final class TransitionLog extends Handler implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger("io.metalkube.application.service.HostReconciler");

    private final ConcurrentHashMap<String, LongAdder> byHost = new ConcurrentHashMap<>();
    private final Level levelBefore;
    private final boolean parentsBefore;

    private TransitionLog() {
        levelBefore = LOGGER.getLevel();
        parentsBefore = LOGGER.getUseParentHandlers();
    }

    public static TransitionLog attach() {
        TransitionLog log = new TransitionLog();
        LOGGER.setLevel(Level.INFO);
        LOGGER.setUseParentHandlers(false);
        LOGGER.addHandler(log);
        return log;
    }

    /** State changes logged for the host named {@code name} (in any namespace). */
    public long count(String name) {
        LongAdder n = byHost.get(name);
        return n == null ? 0 : n.sum();
    }

    /** State changes logged for all hosts. */
    public long total() {
        return byHost.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public void publish(LogRecord r) {
        String m = r.getMessage();
        if (m == null || r.getLevel() != Level.INFO || !m.startsWith("host ")) {
            return;
        }
        int colon = m.indexOf(": ");
        if (colon > 0 && m.indexOf(" -> ", colon) > 0) {
            String id = m.substring("host ".length(), colon);
            byHost.computeIfAbsent(id.substring(id.indexOf('/') + 1), k -> new LongAdder()).increment();
        }
    }

    @Override
    public void flush() {
    }

    /** Detaches: the logger gets its level and handlers back. */
    @Override
    public void close() {
        LOGGER.removeHandler(this);
        LOGGER.setUseParentHandlers(parentsBefore);
        LOGGER.setLevel(levelBefore);
    }
}
