package io.metalkube.bootstrap.admission;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

/**
 * Startup check: the admission webhook is enabled only together with the TLS listener (the API server calls
 * webhooks over HTTPS only), so a missing certificate setting stops the operator at startup with the keys to set
 * instead of leaving every BareMetalHost write failing (failurePolicy Fail).
 */
@Context
@Requires(property = WebhookTlsCheck.ENABLED, value = "true")
final class WebhookTlsCheck {

    static final String ENABLED = "metalkube.webhook.enabled";

    WebhookTlsCheck(@Value("${micronaut.server.ssl.enabled:false}") boolean sslEnabled,
                    @Value("${micronaut.server.dual-protocol:false}") boolean dualProtocol) {
        if (!sslEnabled || !dualProtocol) {
            throw new InvalidSettingException(ENABLED + " is true, but the TLS listener is not configured: set "
                    + "micronaut.server.ssl.enabled=true and micronaut.server.dual-protocol=true (health and metrics stay on "
                    + "plain HTTP), micronaut.server.ssl.port, and the certificate (see deploy/webhook/README.md)");
        }
    }
}
