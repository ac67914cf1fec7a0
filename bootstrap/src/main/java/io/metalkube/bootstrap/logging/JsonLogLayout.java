package io.metalkube.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line: {@code timestamp} (ISO-8601 with date, UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message}, the object the line was logged for ({@code kind}, {@code namespace}, {@code name},
 * from the MDC that the controllers set while they reconcile a BareMetalHost or Machine) and {@code exception} (the
 * stack trace) if there is one. logback's own JsonEncoder writes epoch milliseconds and nests the MDC, hence this.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    /** MDC keys (java-operator-sdk's, set around every reconcile) and the field each becomes. */
    private static final Map<String, String> OBJECT_FIELDS = Map.of(
            "resource.kind", "kind", "resource.namespace", "namespace", "resource.name", "name");

    private final JsonFactory json = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (String key : new String[] {"resource.kind", "resource.namespace", "resource.name"}) {
                String value = mdc.get(key);
                if (value != null && !value.equals("no namespace")) {
                    g.writeStringField(OBJECT_FIELDS.get(key), value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON log line", e);
        }
        return out.append('\n').toString();
    }
}
