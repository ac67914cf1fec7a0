package io.metalkube.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.annotation.Context;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Applies {@code metalkube.log.format} when it comes from a configuration file rather than the environment (which
 * logback already read): logback is configured again in that format. Lines logged before this bean starts stay text.
 */
@Context
public final class LogFormatSetting {

    public LogFormatSetting(MetalkubeSettings.Log settings) {
        String wanted = settings.getFormat() == null ? "text" : settings.getFormat().strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("text") && !wanted.equals("json")) {
            throw new IllegalArgumentException("metalkube.log.format is \"" + settings.getFormat() + "\": use text or json");
        }
        if (LogFormat.valueOf(wanted.toUpperCase(Locale.ROOT)) != LogFormat.configured()
                && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            System.setProperty(LogFormat.PROPERTY, wanted);
            logback.reset();
            try {
                new ContextInitializer(logback).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot reconfigure logging for metalkube.log.format=" + wanted, e);
            }
        }
    }
}
