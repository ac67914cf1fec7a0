package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** metalkube.backend redfish and direct: settings validated with clear messages; an unserved scheme names the setting. */
class DirectModeWiringTest {

    @Test
    void redfishIsWiredAndRefusesDiscovery() throws Exception {
        try (SiteBackend site = BackendFactory.redfish(new MetalkubeSettings.Redfish(), new MetalkubeSettings.Discovery())) {
            assertThat(site.backend().name()).isEqualTo("redfish");
            assertThat(site.scanner()).isEmpty();
        }
        MetalkubeSettings.Discovery discovery = new MetalkubeSettings.Discovery();
        discovery.setEnabled(true);
        assertThatThrownBy(() -> BackendFactory.redfish(new MetalkubeSettings.Redfish(), discovery))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("scans for IPMI BMCs");
    }

    @Test
    void redfishSettingsAreValidated() {
        MetalkubeSettings.Redfish s = new MetalkubeSettings.Redfish();
        s.setReadTimeout(Duration.ZERO);
        assertThatThrownBy(() -> AdapterSettings.redfish(s)).hasMessageContaining("metalkube.redfish");
        MetalkubeSettings.Redfish ca = new MetalkubeSettings.Redfish();
        ca.setCaFile("/nonexistent/bmc-ca.pem");
        assertThatThrownBy(() -> AdapterSettings.redfish(ca)).hasMessageContaining("metalkube.redfish.ca-file /nonexistent/bmc-ca.pem cannot be read");
    }

    @Test
    void directRunsBothByDefault() throws Exception {
        MetalkubeSettings.Direct direct = new MetalkubeSettings.Direct();
        assertThat(direct.getBackends()).containsExactly("ipmi", "redfish");
        try (SiteBackend site = BackendFactory.direct(direct, new MetalkubeSettings.Ipmi(), new MetalkubeSettings.Redfish(),
                new MetalkubeSettings.Discovery())) {
            assertThat(site.backend().name()).isEqualTo("direct");
            assertThat(site.capacity()).isEmpty();
        }
    }

    @Test
    void aSchemeNoConfiguredBackEndServesIsARegistrationErrorNamingTheSetting() throws Exception {
        MetalkubeSettings.Direct ipmiOnly = new MetalkubeSettings.Direct();
        ipmiOnly.setBackends(List.of("ipmi"));
        try (SiteBackend site = BackendFactory.direct(ipmiOnly, new MetalkubeSettings.Ipmi(), new MetalkubeSettings.Redfish(),
                new MetalkubeSettings.Discovery())) {
            BackendTarget t = new BackendTarget(new HostId("site", "r640-1"), "", BmcAddress.parse("idrac-virtualmedia://192.0.2.9/redfish/v1/Systems/System.Embedded.1"),
                    BmcCredentials.of("root", "calvin-secret"), "", false);
            Outcome o = site.backend().registration().register(new Operation.Register(t, null, null, null, null));
            assertThat(o).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) o).message()).contains("site/r640-1", "idrac-virtualmedia://192.0.2.9", "add redfish to metalkube.direct.backends")
                    .doesNotContain("calvin-secret");
        }
    }

    @Test
    void unknownOrEmptyDirectBackEndsAreRefused() {
        MetalkubeSettings.Direct d = new MetalkubeSettings.Direct();
        d.setBackends(List.of("ipmi", "snmp"));
        assertThatThrownBy(() -> BackendFactory.direct(d, new MetalkubeSettings.Ipmi(), new MetalkubeSettings.Redfish(), new MetalkubeSettings.Discovery()))
                .hasMessageContaining("metalkube.direct.backends lists \"snmp\"");
        d.setBackends(List.of());
        assertThatThrownBy(() -> BackendFactory.direct(d, new MetalkubeSettings.Ipmi(), new MetalkubeSettings.Redfish(), new MetalkubeSettings.Discovery()))
                .hasMessageContaining("metalkube.direct.backends is empty");
    }
}
