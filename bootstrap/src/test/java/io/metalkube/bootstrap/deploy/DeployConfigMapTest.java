package io.metalkube.bootstrap.deploy;

import io.metalkube.bootstrap.config.BackendKind;
import io.metalkube.bootstrap.config.BackendSelection;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.metalkube.bootstrap.deploy.Manifests.at;
import static io.metalkube.bootstrap.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The ConfigMap that deploy/ ships is a valid MetalKube configuration: it binds and picks a real back-end in-cluster. */
class DeployConfigMapTest {

    @Test
    void theShippedConfigurationBindsToTheSettingsAndChoosesIronic() {
        Manifests all = Manifests.load(Manifests.deployDir());
        String file = (String) at(all.one("ConfigMap", "metalkube-config").body(), "data", "metalkube.yml");
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", map(new Yaml(new SafeConstructor(new LoaderOptions())).load(file)), flat);

        try (ApplicationContext ctx = ApplicationContext.run(flat, "memory")) {
            MetalkubeSettings settings = ctx.getBean(MetalkubeSettings.class);
            MetalkubeSettings.Ironic ironic = ctx.getBean(MetalkubeSettings.Ironic.class);
            MetalkubeSettings.Kubernetes kube = ctx.getBean(MetalkubeSettings.Kubernetes.class);

            assertThat(BackendSelection.choose(settings.getBackend(), true, ctx.getBean(MetalkubeSettings.Fixture.class).isAllowInCluster()))
                    .isEqualTo(BackendKind.IRONIC);
            assertThat(ironic.getEndpoint()).isEqualTo("http://ironic.metalkube.svc:6385");
            assertThat(ironic.getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(kube.getNamespaces()).isEmpty();
            assertThat(kube.isLeaderElection()).isTrue();
            assertThat(settings.getProvisioningLimit()).isEqualTo(20);
        }
    }

    private static void flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
        m.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?>) {
                flatten(key, map(v), out);
            } else if (v instanceof List<?> l) {
                out.put(key, l);
            } else if (v != null) {
                out.put(key, v.toString());
            }
        });
    }
}
