package io.metalkube.application.prove;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures every log record of the {@code io.metalkube} loggers at every level, formatted as the console handler
 * prints it (stack traces included). System.Logger goes to java.util.logging; the application module does not
 * read java.logging (and should not, for a test), so the handler is wired through reflection.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Object logger;
    private final Object handler;
    private final Object previousLevel;

    LogCapture() {
        try {
            Class<?> loggerClass = Class.forName("java.util.logging.Logger");
            Class<?> levelClass = Class.forName("java.util.logging.Level");
            Class<?> handlerClass = Class.forName("java.util.logging.Handler");
            Class<?> formatterClass = Class.forName("java.util.logging.Formatter");
            Object all = levelClass.getField("ALL").get(null);
            Object formatter = Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance();
            handler = Class.forName("java.util.logging.StreamHandler").getConstructor(java.io.OutputStream.class, formatterClass)
                    .newInstance(out, formatter);
            handlerClass.getMethod("setLevel", levelClass).invoke(handler, all);
            logger = loggerClass.getMethod("getLogger", String.class).invoke(null, "io.metalkube");
            previousLevel = loggerClass.getMethod("getLevel").invoke(logger);
            loggerClass.getMethod("setLevel", levelClass).invoke(logger, all);
            loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot attach a java.util.logging handler", e);
        }
    }

    /** Every captured line so far. */
    List<String> lines() {
        invoke(handler, "flush");
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        try {
            Class<?> loggerClass = logger.getClass();
            Class<?> handlerClass = Class.forName("java.util.logging.Handler");
            Class<?> levelClass = Class.forName("java.util.logging.Level");
            loggerClass.getMethod("removeHandler", handlerClass).invoke(logger, handler);
            loggerClass.getMethod("setLevel", levelClass).invoke(logger, previousLevel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot detach the log capture", e);
        }
    }

    private static void invoke(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method + " on the log handler", e);
        }
    }
}
