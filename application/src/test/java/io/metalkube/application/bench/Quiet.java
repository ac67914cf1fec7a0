package io.metalkube.application.bench;

/**
 * Turns the services' INFO logging down to WARNING for benchmarks (one line per state change of 10,000 hosts would
 * measure the console, not the operator). Reflection, because the application module does not read java.logging.
 */
final class Quiet {

    private static Object keep;

    private Quiet() {
    }

    static void logs() {
        try {
            Class<?> logger = Class.forName("java.util.logging.Logger");
            Class<?> level = Class.forName("java.util.logging.Level");
            keep = logger.getMethod("getLogger", String.class).invoke(null, "io.metalkube");
            logger.getMethod("setLevel", level).invoke(keep, level.getField("WARNING").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot quieten java.util.logging", e);
        }
    }
}
