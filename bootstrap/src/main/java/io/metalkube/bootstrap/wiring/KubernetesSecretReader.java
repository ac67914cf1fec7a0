package io.metalkube.bootstrap.wiring;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.ironic.SecretReader;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The Ironic adapter's SecretReader (userData, networkData, metaData for the config drive) over the one fabric8
 * client: only Secrets in the host's own namespace; a reference to another namespace is refused.
 */
final class KubernetesSecretReader implements SecretReader {

    private final KubernetesClient client;

    KubernetesSecretReader(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> read(HostId host, SecretRef ref, String key) {
        String namespace = ref.namespace() == null || ref.namespace().isBlank() ? host.namespace() : ref.namespace();
        if (!namespace.equals(host.namespace())) {
            throw new IllegalArgumentException("host " + host + " refers to Secret " + namespace + "/" + ref.name()
                    + " in another namespace; MetalKube reads only Secrets in the host's own namespace: copy it to "
                    + host.namespace());
        }
        Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
        }
        return secret.getStringData() == null ? Optional.empty() : Optional.ofNullable(secret.getStringData().get(key));
    }
}
