package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** metalkube.backend picks the adapter; bad or missing per-site settings stop startup with a message naming them. */
class BackendWiringTest {

    @Test
    void withoutABackendTheContextRefusesToStartAndNamesTheSetting() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(), "memory")) {
            assertThatThrownBy(() -> ctx.getBean(SiteBackend.class)).isInstanceOf(BeanInstantiationException.class)
                    .rootCause().isInstanceOf(InvalidSettingException.class).hasMessageContaining("metalkube.backend is not set");
        }
    }

    @Test
    void ipmiIsWiredWithItsSettingsAndADiscoveryScannerWhenEnabled() {
        MetalkubeSettings.Ipmi ipmi = new MetalkubeSettings.Ipmi();
        ipmi.setAttemptTimeout(Duration.ofMillis(300));
        MetalkubeSettings.Discovery discovery = new MetalkubeSettings.Discovery();
        discovery.setEnabled(true);
        discovery.setRanges(List.of("127.0.0.1/32"));

        try (SiteBackend site = BackendFactory.ipmi(ipmi, discovery)) {
            assertThat(site.backend().name()).isEqualTo("ipmi");
            assertThat(site.scanner()).isPresent();
            assertThat(site.capacity()).as("ipmi cannot count; host states are counted").isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        discovery.setRanges(List.of());
        assertThatThrownBy(() -> BackendFactory.ipmi(ipmi, discovery)).hasMessageContaining("metalkube.discovery.ranges is empty");
    }

    @Test
    void ironicSettingsAreValidatedWithClearMessages(@TempDir Path dir) throws Exception {
        MetalkubeSettings.Ironic s = new MetalkubeSettings.Ironic();
        assertThatThrownBy(() -> AdapterSettings.ironic(s, 20)).hasMessageContaining("metalkube.ironic.endpoint is not set");
        s.setEndpoint("ftp://ironic:6385");
        assertThatThrownBy(() -> AdapterSettings.ironic(s, 20)).hasMessageContaining("metalkube.ironic.endpoint").hasMessageContaining("http");
        s.setEndpoint("https://ironic.example:6385");
        s.setAuth("http_basic");
        s.setUsername("metalkube");
        assertThatThrownBy(() -> AdapterSettings.ironic(s, 20)).hasMessageContaining("metalkube.ironic.password-file is required");
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pw\n");
        s.setPasswordFile(password.toString());
        s.setHardwareMode("fake");

        var settings = AdapterSettings.ironic(s, 7);

        assertThat(settings.basicAuthUser()).isEqualTo("metalkube");
        assertThat(settings.basicAuthPassword()).isEqualTo("s3cret-pw");
        assertThat(settings.provisioningLimit()).isEqualTo(7);
        assertThat(settings.toString()).doesNotContain("s3cret-pw");
        s.setAuth("kerberos");
        assertThatThrownBy(() -> AdapterSettings.ironic(s, 20)).hasMessageContaining("use noauth or http_basic");
    }
}
