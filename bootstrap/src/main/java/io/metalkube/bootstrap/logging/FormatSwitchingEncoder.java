package io.metalkube.bootstrap.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/**
 * logback.xml's encoder: the text pattern, or {@link JsonLogLayout} when {@link LogFormat#configured()} says json.
 */
public final class FormatSwitchingEncoder extends LayoutWrappingEncoder<ILoggingEvent> {

    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        Layout<ILoggingEvent> chosen;
        if (LogFormat.configured() == LogFormat.JSON) {
            chosen = new JsonLogLayout();
        } else {
            PatternLayout text = new PatternLayout();
            text.setPattern(pattern);
            chosen = text;
        }
        chosen.setContext(getContext());
        chosen.start();
        setLayout(chosen);
        super.start();
    }
}
