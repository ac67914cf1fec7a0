package io.metalkube.application.prove;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for the long randomized proofs: the services' INFO lines (one per state change, hundreds of
 * thousands per run) go down to WARNING for the test class, then back. Reflection, because the application module
 * does not read java.logging.
 */
final class QuietLogs implements BeforeAllCallback, AfterAllCallback {

    private Object previous;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        previous = level(Class.forName("java.util.logging.Level").getField("WARNING").get(null));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        level(previous);
    }

    private static Object level(Object next) throws ReflectiveOperationException {
        Class<?> loggerClass = Class.forName("java.util.logging.Logger");
        Class<?> levelClass = Class.forName("java.util.logging.Level");
        Object logger = loggerClass.getMethod("getLogger", String.class).invoke(null, "io.metalkube");
        Object before = loggerClass.getMethod("getLevel").invoke(logger);
        loggerClass.getMethod("setLevel", levelClass).invoke(logger, next);
        return before;
    }
}
