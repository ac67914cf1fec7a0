package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every metalkube.redfish.* key reaches the Redfish back-end the factory builds (retries, task-monitor timeout,
 * power-change grace and the refused-password memory used to be fixed in the adapter), and the shipped
 * application.yml means exactly the adapter's own defaults.
 */
class RedfishSettingsWiringTest {

    @Test
    void everyRedfishKeyReachesTheBackEnd() throws Exception {
        Map<String, Object> props = Map.of("metalkube.redfish.connect-timeout", "3s", "metalkube.redfish.read-timeout", "20s",
                "metalkube.redfish.action-timeout", "90s", "metalkube.redfish.task-timeout", "5m", "metalkube.redfish.retries", "5",
                "metalkube.redfish.retry-backoff", "250ms", "metalkube.redfish.power-change-grace", "45s",
                "metalkube.redfish.auth-failure-hold", "2m");
        try (ApplicationContext ctx = ApplicationContext.run(props, "memory");
             SiteBackend site = BackendFactory.redfish(ctx.getBean(MetalkubeSettings.Redfish.class), new MetalkubeSettings.Discovery())) {
            RedfishSettings s = ((RedfishBackend) site.closer()).settings();
            assertThat(s).isEqualTo(new RedfishSettings(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(90), Duration.ofMinutes(5),
                    5, Duration.ofMillis(250), RedfishSettings.defaults().maxRetryAfter(), null, Duration.ofSeconds(45), Duration.ofMinutes(2)));
        }
    }

    @Test
    void theShippedConfigurationIsTheAdaptersDefaults() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(), "memory")) {
            assertThat(AdapterSettings.redfish(ctx.getBean(MetalkubeSettings.Redfish.class))).isEqualTo(RedfishSettings.defaults());
        }
    }

    @Test
    void zeroRetriesAndNoPasswordMemoryAreAllowedNegativeOrZeroWaitsAreNot() {
        MetalkubeSettings.Redfish none = new MetalkubeSettings.Redfish();
        none.setRetries(0);
        none.setAuthFailureHold(Duration.ZERO);
        assertThat(AdapterSettings.redfish(none).retries()).isZero();
        MetalkubeSettings.Redfish negative = new MetalkubeSettings.Redfish();
        negative.setRetries(-1);
        assertThatThrownBy(() -> AdapterSettings.redfish(negative)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("metalkube.redfish").hasMessageContaining("retries");
        MetalkubeSettings.Redfish zeroGrace = new MetalkubeSettings.Redfish();
        zeroGrace.setPowerChangeGrace(Duration.ZERO);
        assertThatThrownBy(() -> AdapterSettings.redfish(zeroGrace)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("power change grace").hasMessageContaining("power-change-grace");
        MetalkubeSettings.Redfish zeroTask = new MetalkubeSettings.Redfish();
        zeroTask.setTaskTimeout(Duration.ZERO);
        assertThatThrownBy(() -> AdapterSettings.redfish(zeroTask)).hasMessageContaining("task timeout");
    }
}
