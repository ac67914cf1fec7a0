package io.metalkube.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineIsOneJsonObjectWithDateLevelLoggerMessageAndTheReconciledObject() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("io.metalkube.application.service.HostReconciler"), Level.INFO,
                "host {}: registering -> \"inspecting\"\nnext line", null, new Object[] {"default/host-0"});
        event.setTimeStamp(Instant.parse("2026-12-02T05:40:01.250Z").toEpochMilli());
        event.setMDCPropertyMap(Map.of("resource.kind", "BareMetalHost", "resource.namespace", "default", "resource.name", "host-0",
                "resource.uid", "u-1"));

        String line = layout(context).doLayout(event);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-12-02T05:40:01.250Z");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("io.metalkube.application.service.HostReconciler");
        assertThat(json.path("message").asText()).isEqualTo("host default/host-0: registering -> \"inspecting\"\nnext line");
        assertThat(json.path("kind").asText()).isEqualTo("BareMetalHost");
        assertThat(json.path("namespace").asText()).isEqualTo("default");
        assertThat(json.path("name").asText()).isEqualTo("host-0");
        assertThat(json.has("exception")).isFalse();
    }

    @Test
    void anExceptionBecomesOneFieldAndAClusterScopedObjectHasNoNamespace() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("x"), Level.ERROR, "failed", new IllegalStateException("boom"), null);
        event.setMDCPropertyMap(Map.of("resource.kind", "Namespace", "resource.namespace", "no namespace", "resource.name", "n"));

        JsonNode json = JSON.readTree(layout(context).doLayout(event));

        assertThat(json.path("exception").asText()).contains("java.lang.IllegalStateException: boom", "at io.metalkube");
        assertThat(json.has("namespace")).isFalse();
        assertThat(json.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    @Test
    void javaUtilLoggingEndsUpInLogbackWithTheCallersMdc() {
        Logging.install();
        ch.qos.logback.classic.Logger target = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.fabric8.mockwebserver.Probe");
        ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        target.addAppender(seen);
        target.setLevel(Level.INFO);
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.Probe").setLevel(java.util.logging.Level.INFO);
        MDC.put("resource.name", "host-3");
        try {
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.Probe").warning("through JUL");
        } finally {
            MDC.remove("resource.name");
            target.detachAppender(seen);
        }
        assertThat(seen.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("through JUL");
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getMDCPropertyMap()).containsEntry("resource.name", "host-3");
        });
    }

    private static JsonLogLayout layout(LoggerContext context) {
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }
}
