package io.metalkube.kubernetes.mapping;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.kubernetes.EmbeddedApiServer;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.support.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** golden/metal3-host.yaml and golden/host-status.yaml: the edge mapping between wire and domain. */
class HostMappingGoldenTest {

    @Test
    void aMetal3ManifestAppliesUnchangedAndMapsToTheDomain() throws Exception {
        try (EmbeddedApiServer api = EmbeddedApiServer.start(); InputStream in = getClass().getResourceAsStream("/golden/metal3-host.yaml")) {
            var client = api.client();
            BareMetalHost applied = client.resources(BareMetalHost.class).inNamespace("default")
                    .resource(client.getKubernetesSerialization().unmarshal(in, BareMetalHost.class)).create();
            BareMetalHost stored = client.resources(BareMetalHost.class).inNamespace("default").withName("worker-7").get();
            assertThat(stored.getSpec().raid.path("hardwareRAIDVolumes").get(0).path("sizeGibibytes").asInt()).isEqualTo(200);
            assertThat(stored.getSpec().taints).hasSize(1);
            assertThat(stored.getSpec().description).isEqualTo("rack 12, slot 7");

            Host host = HostMapper.toDomain(stored);
            HostSpec s = host.spec();
            assertThat(host.id().toString()).isEqualTo("default/worker-7");
            assertThat(host.revision()).isEqualTo(applied.getMetadata().getResourceVersion());
            assertThat(host.labels()).containsEntry("rack", "r12");
            assertThat(host.annotations().inspect()).isEqualTo(InspectRequest.DISABLED);
            assertThat(s.online()).isTrue();
            assertThat(s.bmc().address()).isEqualTo("redfish-virtualmedia+https://10.1.2.7/redfish/v1/Systems/1");
            assertThat(s.bmc().credentialsName()).isEqualTo("worker-7-bmc");
            assertThat(s.bmc().disableCertificateVerification()).isTrue();
            assertThat(s.bootMACAddress()).isEqualTo("00:1a:2b:3c:4d:5e");
            assertThat(s.bootMode()).isEqualTo(BootMode.UEFI_SECURE_BOOT);
            assertThat(s.automatedCleaningMode()).isEqualTo(AutomatedCleaningMode.DISABLED);
            assertThat(s.image().checksumType()).isEqualTo(ChecksumType.SHA256);
            assertThat(s.userData().name()).isEqualTo("worker-user-data");
            assertThat(s.networkData().name()).isEqualTo("worker-7-network");
            assertThat(s.rootDeviceHints().minSizeGigabytes()).isEqualTo(200);
            assertThat(s.inspectionMode()).isEqualTo(io.metalkube.domain.host.InspectionMode.DISABLED);
            assertThat(s.consumerRef()).isEqualTo(new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", "default", "worker-7-machine"));

            var rewritten = HostSpecMapper.toWire(s.withConsumerRef(null).withOnline(false), stored.getSpec());
            assertThat(rewritten.consumerRef).isNull();
            assertThat(rewritten.online).isFalse();
            assertThat(Json.tree(rewritten.raid)).as("fields the domain does not model survive a spec write").isEqualTo(Json.tree(stored.getSpec().raid));
            assertThat(rewritten.taints).hasSize(1);
            assertThat(rewritten.bootMode).isEqualTo("UEFISecureBoot");
            assertThat(HostSpecMapper.toDomain(HostSpecMapper.toWire(s, stored.getSpec()))).isEqualTo(s);
        }
    }

    @Test
    void statusRoundTripsLosslessly() throws Exception {
        BareMetalHostStatus wire;
        try (InputStream in = getClass().getResourceAsStream("/golden/host-status.yaml")) {
            wire = Golden.YAML.readValue(in, BareMetalHostStatus.class);
        }
        HostStatus status = HostStatusMapper.toDomain(wire);
        assertThat(status.state()).isEqualTo(ProvisioningState.PROVISIONING);
        assertThat(status.errorType()).isEqualTo(ErrorType.PROVISIONING);
        assertThat(status.errorCount()).isEqualTo(2);
        assertThat(status.lastUpdated()).isEqualTo(Instant.parse("2026-11-29T01:02:03.456789Z"));
        assertThat(status.goodCredentials().version()).isEqualTo("42");
        assertThat(status.hardware().nics()).hasSize(2);
        assertThat(status.hardware().firmware().bmcVersion()).isEqualTo("7.10.30.00");
        assertThat(status.operationHistory().provision().end()).isNull();
        assertThat(status.provisioning().customDeploy()).isEqualTo(new CustomDeploy("install_coreos"));

        BareMetalHostStatus back = HostStatusMapper.toWire(status, "default");
        assertThat(Json.tree(back)).isEqualTo(Json.tree(wire));
        assertThat(HostStatusMapper.toDomain(back)).isEqualTo(status);
    }

    @Test
    void customDeployMapsBothWaysAndAnEmptyMethodIsNoCustomDeployAsInMetal3() throws Exception {
        var wire = Golden.YAML.readValue("""
                online: true
                customDeploy: {method: install_coreos}
                image: {url: "http://images.example/rhcos.iso", format: live-iso}
                """, io.metalkube.kubernetes.crd.BareMetalHostSpec.class);
        HostSpec spec = HostSpecMapper.toDomain(wire);
        assertThat(spec.customDeploy()).isEqualTo(new CustomDeploy("install_coreos"));
        assertThat(spec.wantsProvisioning()).isTrue();
        assertThat(Json.tree(HostSpecMapper.toWire(spec, wire))).isEqualTo(Json.tree(wire));
        assertThat(HostSpecMapper.toWire(spec.withCustomDeploy(null), wire).customDeploy).isNull();
        assertThat(HostSpecMapper.toWire(HostSpec.empty().withCustomDeploy(new CustomDeploy("install_other")), null).customDeploy.method)
                .isEqualTo("install_other");

        var empty = Golden.YAML.readValue("{online: true, customDeploy: {method: \"\"}}", io.metalkube.kubernetes.crd.BareMetalHostSpec.class);
        assertThat(HostSpecMapper.toDomain(empty).customDeploy()).isNull();
        assertThat(HostSpecMapper.toWire(HostSpecMapper.toDomain(empty), empty).customDeploy.method).as("the wire form is kept").isEmpty();
    }

    @Test
    void unreadableStatusValuesReadAsUnsetInsteadOfFailing() throws Exception {
        BareMetalHostStatus wire = Golden.YAML.readValue("""
                operationalStatus: sideways
                errorType: cosmic ray error
                errorCount: -3
                lastUpdated: yesterday
                provisioning: {state: available}
                """, BareMetalHostStatus.class);
        HostStatus status = HostStatusMapper.toDomain(wire);
        assertThat(status.state()).isEqualTo(ProvisioningState.AVAILABLE);
        assertThat(status.hasError()).isFalse();
        assertThat(status.errorCount()).isZero();
        assertThat(status.lastUpdated()).isNull();
    }

    @Test
    void anUnknownStateIsNotReadAsNewButReportedByField() throws Exception {
        BareMetalHostStatus wire = Golden.YAML.readValue("provisioning: {state: levitating, ID: n-1}", BareMetalHostStatus.class);
        assertThatThrownBy(() -> HostStatusMapper.toDomain(wire)).isInstanceOf(UnreadableFieldException.class)
                .hasMessageStartingWith("status.provisioning.state: \"levitating\" is not a provisioning state");
    }

    @Test
    void initialStatusIsEmptyBothWays() {
        assertThat(HostStatusMapper.toDomain(null)).isEqualTo(HostStatus.initial());
        assertThat(HostStatusMapper.toDomain(HostStatusMapper.toWire(HostStatus.initial(), "ns"))).isEqualTo(HostStatus.initial());
    }
}
