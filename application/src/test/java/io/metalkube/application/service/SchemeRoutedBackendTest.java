package io.metalkube.application.service;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct mode's routing: the BMC scheme picks the back-end; an unserved protocol is a clear failure. No network. */
class SchemeRoutedBackendTest {

    final FixtureBackend ipmi = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    final FixtureBackend redfish = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    final Map<SchemeRoutedBackend.Protocol, Backend> both = Map.of(SchemeRoutedBackend.Protocol.IPMI, named("ipmi", ipmi),
            SchemeRoutedBackend.Protocol.REDFISH, named("redfish", redfish));

    static Backend named(String name, FixtureBackend b) {
        return new Backend(name, b, b, b, b);
    }

    static BackendTarget target(String address) {
        return new BackendTarget(new HostId("site", "h-" + Math.abs(address.hashCode())), "", BmcAddress.parse(address),
                BmcCredentials.of("admin", "pw"), "", false);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ipmi://10.0.0.1, ipmi", "10.0.0.2:623, ipmi", "libvirt://10.0.0.3, ipmi",
            "redfish://10.0.0.4/redfish/v1/Systems/1, redfish", "redfish+http://10.0.0.5, redfish",
            "redfish-virtualmedia+https://10.0.0.6/redfish/v1/Systems/1, redfish",
            "idrac-virtualmedia://10.0.0.7/redfish/v1/Systems/System.Embedded.1, redfish", "idrac-redfish://10.0.0.8, redfish",
            "ilo5-redfish://10.0.0.9, redfish", "ilo5-virtualmedia://10.0.0.10, redfish",
            "redfish-uefihttp+https://10.0.0.11/redfish/v1/Systems/1, redfish"})
    void theSchemePicksTheBackEnd(String address, String expected) {
        Backend direct = SchemeRoutedBackend.of(both, p -> "unused");
        BackendTarget t = target(address);
        assertThat(direct.registration().register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
        assertThat(ipmi.isRegistered(t.host())).isEqualTo(expected.equals("ipmi"));
        assertThat(redfish.isRegistered(t.host())).isEqualTo(expected.equals("redfish"));
        direct.power().powerOn(new Operation.PowerOn(t));
        assertThat((expected.equals("ipmi") ? ipmi : redfish).poweredOn(t.host())).isTrue();
        assertThat(direct.name()).isEqualTo("direct");
    }

    @Test
    void aProtocolNoBackEndServesIsARegistrationFailureNamingWhatToChange() {
        Backend ipmiOnly = SchemeRoutedBackend.of(Map.of(SchemeRoutedBackend.Protocol.IPMI, named("ipmi", ipmi)),
                p -> "add " + p.wireName() + " to metalkube.direct.backends");
        BackendTarget t = target("redfish://10.0.0.4/redfish/v1/Systems/1");
        Outcome o = ipmiOnly.registration().register(new Operation.Register(t, null, null, null, null));
        assertThat(o).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) o).message()).contains("site/" + t.host().name(), "redfish://10.0.0.4", "no configured back-end serves redfish",
                "add redfish to metalkube.direct.backends").doesNotContain("pw");
        assertThat(ipmiOnly.power().readPower(new Operation.ReadPower(t))).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void aHostWithoutAddressIsDeletedEverywhereAndRefusedOtherwise() {
        Backend direct = SchemeRoutedBackend.of(both, p -> "unused");
        BackendTarget none = new BackendTarget(new HostId("site", "broken"), "", null, null, "", false);
        assertThat(direct.registration().delete(new Operation.Delete(none))).isEqualTo(new Outcome.Done());
        assertThat(direct.registration().detach(new Operation.Detach(none))).isEqualTo(new Outcome.Done());
        assertThat(direct.inspection().inspect(new Operation.Inspect(none))).isInstanceOf(Outcome.Failed.class);
    }
}
