package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.LeaseSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 item 1: metalkube.kubernetes.lease-duration, renew-deadline and retry-period reach the operator's leader
 * election (they used to be read and dropped), and what a replica does on losing the Lease is a setting.
 */
class LeaseWiringTest {

    @Test
    void theLeaseTimingsAndTheLossPolicyFromTheSettingsAreTheOnesTheOperatorGets() {
        Map<String, Object> props = Map.of("metalkube.kubernetes.lease-duration", "40s", "metalkube.kubernetes.renew-deadline", "25s",
                "metalkube.kubernetes.retry-period", "5s", "metalkube.kubernetes.lease-namespace", "metal",
                "metalkube.kubernetes.lease-identity", "pod-7", "metalkube.kubernetes.on-lease-loss", "stop");
        try (ApplicationContext ctx = ApplicationContext.run(props, "memory")) {
            KubernetesSettings settings = new KubernetesFactory().kubernetesSettings(ctx.getBean(MetalkubeSettings.Kubernetes.class));
            LeaseSettings lease = settings.leaderElection().orElseThrow();
            assertThat(lease.leaseDuration()).isEqualTo(Duration.ofSeconds(40));
            assertThat(lease.renewDeadline()).isEqualTo(Duration.ofSeconds(25));
            assertThat(lease.retryPeriod()).isEqualTo(Duration.ofSeconds(5));
            assertThat(lease.leaseNamespace()).isEqualTo("metal");
            assertThat(lease.identity()).isEqualTo("pod-7");
            assertThat(lease.onLoss()).isEqualTo(LeaseSettings.OnLeaseLoss.STOP);
        }
    }

    @Test
    void byDefaultAReplicaThatLosesTheLeaseExitsAfterItStoppedActing() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("metalkube.kubernetes.lease-namespace", "metal"), "memory")) {
            LeaseSettings lease = new KubernetesFactory().kubernetesSettings(ctx.getBean(MetalkubeSettings.Kubernetes.class))
                    .leaderElection().orElseThrow();
            assertThat(lease.onLoss()).isEqualTo(LeaseSettings.OnLeaseLoss.EXIT);
            assertThat(lease.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        }
    }

    @Test
    void badTimingsAndPoliciesStopStartupWithAMessage() {
        MetalkubeSettings.Kubernetes k = new MetalkubeSettings.Kubernetes();
        k.setLeaseNamespace("metal");
        k.setOnLeaseLoss("restart");
        assertThatThrownBy(() -> new KubernetesFactory().kubernetesSettings(k)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("metalkube.kubernetes.on-lease-loss").hasMessageContaining("exit").hasMessageContaining("stop");
        k.setOnLeaseLoss("exit");
        k.setRenewDeadline(Duration.ofSeconds(20));
        assertThatThrownBy(() -> new KubernetesFactory().kubernetesSettings(k)).hasMessageContaining("renew deadline")
                .hasMessageContaining("shorter than the lease duration");
    }
}
