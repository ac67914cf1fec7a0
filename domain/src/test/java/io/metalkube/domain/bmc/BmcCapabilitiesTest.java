package io.metalkube.domain.bmc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What each scheme's driver can do (metal3-anchors.md §1.3: NeedsMAC, virtual-media boot, SupportsSecureBoot). */
class BmcCapabilitiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # address                                             | needsBootMac | virtualMedia | uefiHttpBoot | secureBoot | directIpmi | redfishFamily
            ipmi://10.0.0.1                                       | false        | false        | false        | false      | true       | false
            10.0.0.1                                              | false        | false        | false        | false      | true       | false
            libvirt://10.0.0.1                                    | true         | false        | false        | false      | true       | false
            redfish://10.0.0.1/redfish/v1/Systems/1               | false        | false        | false        | true       | false      | true
            redfish+http://10.0.0.1/redfish/v1/Systems/1          | false        | false        | false        | true       | false      | true
            redfish-virtualmedia://10.0.0.1/redfish/v1/Systems/1  | false        | true         | false        | true       | false      | true
            idrac-redfish://10.0.0.1/redfish/v1/Systems/1         | false        | false        | false        | true       | false      | true
            idrac-virtualmedia://10.0.0.1/redfish/v1/Systems/1    | false        | true         | false        | true       | false      | true
            ilo5-redfish://10.0.0.1/redfish/v1/Systems/1          | false        | false        | false        | true       | false      | true
            ilo5-virtualmedia+https://10.0.0.1/redfish/v1/Systems/1 | false      | true         | false        | true       | false      | true
            redfish-uefihttp://10.0.0.1/redfish/v1/Systems/1      | false        | false        | true         | true       | false      | true
            redfish-uefihttp+http://10.0.0.1                      | false        | false        | true         | true       | false      | true
            """)
    void capabilitiesFollowTheDriver(String address, boolean needsBootMac, boolean virtualMedia, boolean uefiHttpBoot, boolean secureBoot,
                                     boolean directIpmi, boolean redfishFamily) {
        BmcAddress a = BmcAddress.parse(address);

        assertThat(a.capabilities()).isEqualTo(new BmcCapabilities(needsBootMac, virtualMedia, uefiHttpBoot, secureBoot, directIpmi));
        assertThat(a.driver().isRedfishFamily()).isEqualTo(redfishFamily);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ipmi                   | UDP
            libvirt                | UDP
            redfish                | HTTPS
            redfish+http           | HTTP
            redfish+https          | HTTPS
            idrac-virtualmedia+http| HTTP
            redfish-uefihttp       | HTTPS
            redfish-uefihttp+http  | HTTP
            redfish-uefihttp+https | HTTPS
            """)
    void theSchemeSuffixChoosesTheTransport(String scheme, Transport transport) {
        assertThat(BmcSchemeRegistry.standard().scheme(scheme)).get().extracting(BmcScheme::transport).isEqualTo(transport);
    }
}
