package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** metalkube.kubernetes.openshift-machines: auto by default; auto, enabled or disabled; anything else stops start-up saying so. */
class OpenShiftMachinesSettingTest {

    @Test
    void autoByDefaultAndTheThreeValuesInAnyCase() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(), "memory")) {
            assertThat(KubernetesFactory.openShiftMachines(ctx.getBean(MetalkubeSettings.Kubernetes.class).getOpenshiftMachines())).isEqualTo("auto");
        }
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("metalkube.kubernetes.openshift-machines", "Disabled"), "memory")) {
            assertThat(KubernetesFactory.openShiftMachines(ctx.getBean(MetalkubeSettings.Kubernetes.class).getOpenshiftMachines())).isEqualTo("disabled");
        }
        assertThat(KubernetesFactory.openShiftMachines(" enabled ")).isEqualTo("enabled");
    }

    @Test
    void aValueOutsideTheThreeIsRefusedWithWhatToSet() {
        assertThatThrownBy(() -> KubernetesFactory.openShiftMachines("yes")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("metalkube.kubernetes.openshift-machines is \"yes\"")
                .hasMessageContaining("auto").hasMessageContaining("enabled").hasMessageContaining("disabled");
    }
}
