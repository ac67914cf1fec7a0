package io.metalkube.bootstrap.deploy;

import io.metalkube.application.service.SchemeRoutedBackend.Protocol;
import io.metalkube.bootstrap.config.BackendKind;
import io.metalkube.bootstrap.config.BackendSelection;
import io.metalkube.bootstrap.deploy.Manifests.Doc;
import io.metalkube.domain.bmc.BmcAddress;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.metalkube.bootstrap.deploy.Manifests.at;
import static io.metalkube.bootstrap.deploy.Manifests.map;
import static io.metalkube.bootstrap.deploy.Manifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** deploy/samples/mixed-site: an overlay of deploy/ in direct mode whose sample hosts each go to the back-end their scheme names. */
class MixedSiteSamplesTest {

    static final Path DIR = Manifests.deployDir().resolve("samples/mixed-site");

    @Test
    void theOverlayPatchesTheBaseConfigMapIntoDirectMode() {
        Manifests overlay = Manifests.load(DIR);
        Doc k = overlay.ofKind("Kustomization").findFirst().orElseThrow();
        assertThat(strings(k.body().get("resources"))).containsExactly("../..");
        String patch = (String) at(Manifests.list(k.body().get("patches")).stream().map(Manifests::map).findFirst().orElseThrow(), "path");
        assertThat(Files.exists(DIR.resolve(patch))).isTrue();
        String file = (String) at(overlay.one("ConfigMap", "metalkube-config").body(), "data", "metalkube.yml");
        Map<String, Object> settings = map(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(file)).get("metalkube"));
        assertThat(BackendSelection.choose((String) settings.get("backend"), true, false)).isEqualTo(BackendKind.DIRECT);
        assertThat(strings(at(settings, "direct", "backends"))).containsExactly("ipmi", "redfish");
    }

    @Test
    void eachSampleHostHasItsSecretAndGoesToTheBackEndItsSchemeNames() {
        Manifests samples = Manifests.load(DIR);
        List<Doc> hosts = samples.ofKind("BareMetalHost").toList();
        assertThat(hosts).hasSize(4);
        for (Doc host : hosts) {
            String secret = (String) at(host.body(), "spec", "bmc", "credentialsName");
            assertThat(at(samples.one("Secret", secret).body(), "metadata", "labels", "environment.metal3.io")).isEqualTo("baremetal");
            BmcAddress address = BmcAddress.parse((String) at(host.body(), "spec", "bmc", "address"));
            Protocol expected = host.name().startsWith("legacy") ? Protocol.IPMI : Protocol.REDFISH;
            assertThat(Protocol.of(address.driver())).as(host.name()).isEqualTo(expected);
            Object format = at(host.body(), "spec", "image", "format");
            assertThat(format == null || format.equals("live-iso")).as("%s: the direct Redfish back-end deploys live-iso only", host.name()).isTrue();
        }
    }
}
