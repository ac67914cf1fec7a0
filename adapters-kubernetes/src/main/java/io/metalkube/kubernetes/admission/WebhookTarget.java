package io.metalkube.kubernetes.admission;

import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;

/** The two resources the webhook validates, with the path the API server posts to (deploy/webhook). */
public enum WebhookTarget {
    BARE_METAL_HOST("/validate-metal3-io-v1alpha1-baremetalhost", "metal3.io", BareMetalHost.KIND),
    MACHINE("/validate-cluster-k8s-io-v1alpha1-machine", "cluster.k8s.io", Machine.KIND);

    private final String path;
    private final String group;
    private final String kind;

    WebhookTarget(String path, String group, String kind) {
        this.path = path;
        this.group = group;
        this.kind = kind;
    }

    public String path() {
        return path;
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }
}
