package io.metalkube.bootstrap.admission;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook is off unless enabled, and enabling it without the TLS listener stops startup with the keys to set. */
class WebhookSettingsTest {

    @Test
    void offByDefault() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("metalkube.backend", "fixture"), "memory")) {
            assertThat(ctx.containsBean(AdmissionController.class)).isFalse();
        }
    }

    @Test
    void enabledWithoutTlsRefusesToStartAndNamesTheSettings() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("metalkube.backend", "fixture", "metalkube.webhook.enabled", "true"), "memory").close())
                .rootCause().hasMessageContaining("metalkube.webhook.enabled").hasMessageContaining("micronaut.server.ssl.enabled")
                .hasMessageContaining("deploy/webhook/README.md");
    }
}
