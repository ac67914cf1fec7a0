package io.metalkube.bootstrap.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendSelectionTest {

    @Test
    void aMissingBackendIsAStartupErrorNamingTheSetting() {
        assertThatThrownBy(() -> BackendSelection.choose(null, false, false))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("metalkube.backend is not set")
                .hasMessageContaining("ironic, ipmi, fixture");
        assertThatThrownBy(() -> BackendSelection.choose("  ", true, true))
                .hasMessageContaining("metalkube.backend is not set");
    }

    @Test
    void anUnknownBackendIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> BackendSelection.choose("openbmc", false, false))
                .hasMessageContaining("\"openbmc\"").hasMessageContaining("ironic, ipmi, fixture, redfish, direct");
    }

    @Test
    void theFixtureInAClusterNeedsTheExplicitOptIn() {
        assertThatThrownBy(() -> BackendSelection.choose("fixture", true, false))
                .hasMessageContaining("inside a Kubernetes cluster")
                .hasMessageContaining("metalkube.fixture.allow-in-cluster=true");
        assertThat(BackendSelection.choose("fixture", true, true)).isEqualTo(BackendKind.FIXTURE);
        assertThat(BackendSelection.choose("fixture", false, false)).isEqualTo(BackendKind.FIXTURE);
    }

    @Test
    void realBackendsAreAcceptedInAnyCase() {
        assertThat(BackendSelection.choose("Ironic", true, false)).isEqualTo(BackendKind.IRONIC);
        assertThat(BackendSelection.choose(" ipmi ", true, false)).isEqualTo(BackendKind.IPMI);
        assertThat(BackendSelection.choose("Redfish", true, false)).isEqualTo(BackendKind.REDFISH);
        assertThat(BackendSelection.choose("direct", true, false)).isEqualTo(BackendKind.DIRECT);
    }

    @Test
    void inClusterIsDetectedFromTheKubeletsEnvironment() {
        assertThat(BackendSelection.inCluster(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"))).isTrue();
        assertThat(BackendSelection.inCluster(Map.of("KUBERNETES_SERVICE_HOST", ""))).isFalse();
        assertThat(BackendSelection.inCluster(Map.of())).isFalse();
    }
}
