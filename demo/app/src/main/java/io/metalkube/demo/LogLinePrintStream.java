package io.metalkube.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The demo's output as log lines (METALKUBE_LOG_FORMAT=json): what is printed between two flushes (a table, a message)
 * becomes one INFO line of the given logger, so that every line the demo writes is in the one log format.
 */
final class LogLinePrintStream extends PrintStream {

    private final Logger log;
    private final ByteArrayOutputStream pending;

    private LogLinePrintStream(ByteArrayOutputStream pending, Logger log) {
        super(pending, true, StandardCharsets.UTF_8);
        this.pending = pending;
        this.log = log;
    }

    /** A stream whose lines the logger {@code name} logs at INFO, whatever the root level (the demo's is WARN). */
    static LogLinePrintStream forLogger(String name) {
        Logger logger = LoggerFactory.getLogger(name);
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        return new LogLinePrintStream(new ByteArrayOutputStream(), logger);
    }

    @Override
    public synchronized void flush() {
        super.flush();
        String text = pending.toString(StandardCharsets.UTF_8).strip();
        pending.reset();
        if (!text.isEmpty()) {
            log.info(text);
        }
    }
}
