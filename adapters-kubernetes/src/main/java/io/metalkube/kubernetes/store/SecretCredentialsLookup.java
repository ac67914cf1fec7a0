package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.bmc.InvalidCredentialsException;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.CredentialsCheck;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Port implementation (CredentialsLookup): reads exactly the Secret a host names in spec.bmc.credentialsName, in
 * the host's own namespace; a name that points elsewhere ({@code other-ns/secret}) is refused without reading.
 * The Secret is labelled {@value #LABEL}={@value #LABEL_VALUE} (as metal3 does) so the controller's Secret
 * informer, which selects on that label, sees later changes and triggers re-registration. While the operator runs,
 * a labelled Secret is read from that informer's cache (no API call); an unlabelled or missing one from the server.
 * The answer says whether a change to the Secret will reach the host ({@code watched}: labelled, and the operator's
 * informer running); a host waiting on an unwatched Secret reads it again every few seconds instead (issue 11 item 6).
 */
public final class SecretCredentialsLookup implements CredentialsLookup {

    public static final String LABEL = "environment.metal3.io";
    public static final String LABEL_VALUE = "baremetal";
    private static final System.Logger LOG = System.getLogger(SecretCredentialsLookup.class.getName());

    /** Set once the API server refused a label edit: the operator's RBAC is read-only for Secrets. */
    private volatile boolean labellingForbidden;
    private final Set<String> unlabelledReported = ConcurrentHashMap.newKeySet();

    private final KubernetesClient client;
    private final InformerCaches caches;

    public SecretCredentialsLookup(KubernetesClient client) {
        this.client = client;
        this.caches = InformerCaches.of(client);
    }

    @Override
    public CredentialsCheck lookup(HostId host, String secretName) {
        if (secretName.contains("/")) {
            return new CredentialsCheck.Invalid(secretName, "cross-namespace Secret references are refused: spec.bmc.credentialsName "
                    + "must name a Secret in the host's own namespace " + host.namespace() + "; copy the Secret there and use its plain name");
        }
        Secret secret = (caches.serving() ? caches.secret(host.namespace(), secretName) : java.util.Optional.<Secret>empty())
                .orElseGet(() -> client.secrets().inNamespace(host.namespace()).withName(secretName).get());
        if (secret == null) {
            return new CredentialsCheck.Missing(secretName);
        }
        boolean watched = label(host, secret) && caches.serving();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        String username = decode(data.get("username"));
        String password = decode(data.get("password"));
        if (username == null || password == null) {
            return new CredentialsCheck.Invalid(secretName, "the Secret needs both keys \"username\" and \"password\" (base64 in data)"
                    + (username == null ? "; \"username\" is missing or not base64" : "")
                    + (password == null ? "; \"password\" is missing or not base64" : ""), watched);
        }
        try {
            return new CredentialsCheck.Found(BmcCredentials.of(username, password),
                    new CredentialsVersion(secretName, secret.getMetadata().getResourceVersion()), watched);
        } catch (InvalidCredentialsException e) {
            return new CredentialsCheck.Invalid(secretName, e.getMessage(), watched);
        }
    }

    /** Labels the Secret unless it is; true when it carries the label afterwards (so the informer sees its changes). */
    private boolean label(HostId host, Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        if (labels != null && LABEL_VALUE.equals(labels.get(LABEL))) {
            return true;
        }
        String name = host.namespace() + "/" + secret.getMetadata().getName();
        if (labellingForbidden) {
            if (unlabelledReported.add(name)) {
                LOG.log(Level.INFO, () -> "Secret " + name + " is not labelled " + LABEL + "=" + LABEL_VALUE
                        + "; changes to it are noticed on host " + host + "'s next periodic reconcile (within seconds while the host"
                        + " waits on its credentials). Fix: kubectl label secret -n "
                        + host.namespace() + " " + secret.getMetadata().getName() + " " + LABEL + "=" + LABEL_VALUE);
            }
            return false;
        }
        try {
            Conflicts.retryingEdit("labels of Secret " + name,
                    () -> client.secrets().inNamespace(host.namespace()).withName(secret.getMetadata().getName()).edit(s -> {
                        Map<String, String> l = s.getMetadata().getLabels() == null ? new HashMap<>() : new HashMap<>(s.getMetadata().getLabels());
                        l.put(LABEL, LABEL_VALUE);
                        s.getMetadata().setLabels(l);
                        return s;
                    }));
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                // the shipped RBAC lets the operator only read Secrets: say so once, then stop asking
                labellingForbidden = true;
                unlabelledReported.add(name);
                LOG.log(Level.WARNING, () -> "the operator may not label Secrets (its RBAC grants get/list/watch only), so changes to "
                        + "unlabelled BMC credential Secrets are noticed on the host's next periodic reconcile only. Label them: "
                        + "kubectl label secret -n " + host.namespace() + " " + secret.getMetadata().getName() + " " + LABEL + "=" + LABEL_VALUE);
            } else if (unlabelledReported.add(name)) {
                LOG.log(Level.WARNING, () -> "could not label Secret " + name + " with " + LABEL + "=" + LABEL_VALUE + " (HTTP "
                        + e.getCode() + "); changes to it will only be noticed on host " + host + "'s next periodic reconcile");
            }
        } catch (io.metalkube.application.port.out.ConflictException e) {
            LOG.log(Level.DEBUG, () -> "Secret " + name + " kept changing while being labelled; trying again on the next lookup: " + e.getMessage());
        }
        return false;
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
