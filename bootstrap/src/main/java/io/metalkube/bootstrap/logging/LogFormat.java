package io.metalkube.bootstrap.logging;

import java.util.Locale;

/**
 * {@code metalkube.log.format} (or {@code METALKUBE_LOG_FORMAT}): {@code text} (the default) or {@code json}. Read
 * before anything logs, since logging starts before the application's configuration: from the system property or the
 * environment variable, which is how deploy/ sets every setting.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String PROPERTY = "metalkube.log.format";
    public static final String ENV = "METALKUBE_LOG_FORMAT";

    /** The configured format; an unknown value is reported on stderr and falls back to text. */
    public static LogFormat configured() {
        String value = System.getProperty(PROPERTY, System.getenv(ENV));
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println(ENV + "=" + value + " is not a log format: use text or json. Logging as text.");
            return TEXT;
        }
    }
}
