package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CAPM3 as a BareMetalHost sees it: the calls cluster-api-provider-metal3 makes on hosts, one method per function of
 * its source (metal3-io/cluster-api-provider-metal3, main of 2026-08: baremetal/metal3machine_manager.go,
 * baremetal/metal3remediation_manager.go, controllers/metal3machine_controller.go and
 * controllers/metal3remediation_controller.go), each sent the way CAPM3 sends it: its patch helper (cluster-api
 * util/patch) sends a JSON merge patch of what changed on metadata and spec, and nothing when nothing changed. Only what
 * touches a host or its BMC Secret is replayed; Metal3Machine, Metal3Data and Node bookkeeping is left out.
 */
final class Capm3 {

    static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
    static final String NODE_REUSE_LABEL = "infrastructure.cluster.x-k8s.io/node-reuse";
    static final String PAUSED = "baremetalhost.metal3.io/paused";
    /** PausedAnnotationKey: the paused annotation's value when CAPM3 set it. */
    static final String PAUSED_BY_CAPM3 = "metal3.io/capm3";
    static final String STATUS = "baremetalhost.metal3.io/status";
    static final String UNHEALTHY = "capm3.metal3.io/unhealthy";
    /** clusterctl's BlockMoveAnnotation (cluster-api cmd/clusterctl/api/v1alpha3/annotations.go); CAPM3 PR #3459. */
    static final String BLOCK_MOVE = "clusterctl.cluster.x-k8s.io/block-move";
    static final String INFRA_GROUP = "infrastructure.cluster.x-k8s.io";

    /** What CAPM3 puts on a host from a Metal3Machine (spec.image or spec.customDeploy, the data Secrets). */
    record Metal3Machine(String name, String apiVersion, String uid, Map<String, String> hostSelector, String imageUrl,
                         String imageChecksum, String customDeployMethod, String userData, String metaData, String networkData,
                         String automatedCleaningMode) {
    }

    /** A MachineAddress as nodeAddresses builds it. */
    record Address(String type, String address) {
    }

    private final KubernetesClient client;
    private final String ns;
    private final String cluster;

    Capm3(KubernetesClient client, String namespace, String clusterName) {
        this.client = client;
        this.ns = namespace;
        this.cluster = clusterName;
    }

    // ---- baremetal/metal3machine_manager.go ------------------------------------------------------------------------

    /**
     * chooseHost: LIST the namespace's hosts matching the Metal3Machine's hostSelector; skip hosts with a consumerRef,
     * a node-reuse label, a deletion timestamp, a non-empty status.errorMessage, the paused or unhealthy annotation;
     * keep those in state ready or available. (CAPM3 then picks one at random; the replay takes the first by name.)
     */
    Optional<BareMetalHost> chooseHost(Metal3Machine m) {
        return client.resources(BareMetalHost.class).inNamespace(ns).withLabels(m.hostSelector()).list().getItems().stream()
                .filter(h -> h.getSpec().consumerRef == null)
                .filter(h -> labels(h).get(NODE_REUSE_LABEL) == null)
                .filter(h -> h.getMetadata().getDeletionTimestamp() == null)
                .filter(h -> status(h).errorMessage == null || status(h).errorMessage.isEmpty())
                .filter(h -> !annotations(h).containsKey(PAUSED) && !annotations(h).containsKey(UNHEALTHY))
                .filter(h -> Set.of("ready", "available").contains(state(h)))
                .sorted(java.util.Comparator.comparing(h -> h.getMetadata().getName()))
                .findFirst();
    }

    /**
     * Associate (after chooseHost): setHostLabel, setHostConsumerRef (consumerRef, the controller owner reference, the
     * node-reuse label deleted), setHostSpec (image or customDeploy, userData/metaData/networkData with namespaces
     * defaulted, automatedCleaningMode, online true), setBMCSecretLabel (an update of the BMC Secret), then one patch
     * of the host.
     */
    void associate(BareMetalHost host, Metal3Machine m) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        ObjectNode labels = metadata.putObject("labels");
        labels.put(CLUSTER_NAME_LABEL, cluster);
        if (labels(host).containsKey(NODE_REUSE_LABEL)) {
            labels.putNull(NODE_REUSE_LABEL);
        }
        ObjectNode owner = metadata.putArray("ownerReferences").addObject();
        owner.put("apiVersion", m.apiVersion()).put("kind", "Metal3Machine").put("name", m.name()).put("uid", m.uid()).put("controller", true);
        ObjectNode spec = patch.putObject("spec");
        spec.putObject("consumerRef").put("kind", "Metal3Machine").put("name", m.name()).put("namespace", ns).put("apiVersion", m.apiVersion());
        boolean hasImage = host.getSpec().image != null;
        boolean hasCustomDeploy = host.getSpec().customDeploy != null;
        if (!hasImage && !hasCustomDeploy && m.userData() != null) {
            if (m.imageUrl() != null) {
                spec.putObject("image").put("url", m.imageUrl()).put("checksum", m.imageChecksum());
            }
            if (m.customDeployMethod() != null) {
                spec.putObject("customDeploy").put("method", m.customDeployMethod());
            }
            spec.putObject("userData").put("name", m.userData()).put("namespace", ns);
            if (m.metaData() != null) {
                spec.putObject("metaData").put("name", m.metaData()).put("namespace", ns);
            }
            if (m.networkData() != null) {
                spec.putObject("networkData").put("name", m.networkData()).put("namespace", ns);
            }
        }
        if (m.automatedCleaningMode() != null && !m.automatedCleaningMode().equals(host.getSpec().automatedCleaningMode)) {
            spec.put("automatedCleaningMode", m.automatedCleaningMode());
        }
        spec.put("online", true);
        setBmcSecretLabel(host);
        mergePatch(host.getMetadata().getName(), patch);
    }

    /** getHost: GET the host named by the Metal3Machine's metal3.io/BareMetalHost annotation. */
    BareMetalHost getHost(String name) {
        return client.resources(BareMetalHost.class).inNamespace(ns).withName(name).get();
    }

    /** IsBaremetalHostProvisioned: the controller goes on to the Node (provider ID) only once this is true. */
    boolean isBaremetalHostProvisioned(String name) {
        BareMetalHost h = getHost(name);
        return h != null && "provisioned".equals(state(h));
    }

    /** nodeAddresses (updateMachineStatus): every NIC's IP as InternalIP; hostname as Hostname and InternalDNS. */
    static List<Address> nodeAddresses(BareMetalHost h) {
        List<Address> out = new ArrayList<>();
        BareMetalHostStatus.Hardware hw = status(h).hardware;
        if (hw == null) {
            return out;
        }
        if (hw.nics != null) {
            hw.nics.stream().filter(n -> n.ip != null && !n.ip.isEmpty()).forEach(n -> out.add(new Address("InternalIP", n.ip)));
        }
        if (hw.hostname != null && !hw.hostname.isEmpty()) {
            out.add(new Address("Hostname", hw.hostname));
            out.add(new Address("InternalDNS", hw.hostname));
        }
        return out;
    }

    /**
     * Delete, first pass (the host's consumerRef is this Metal3Machine): the cluster label comes off the BMC Secret;
     * image, customDeploy and the data Secrets are cleared and online set false (automatedCleaningMode metadata,
     * CAPM3_FAST_TRACK unset); the patch is sent and CAPM3 requeues.
     */
    void deleteFirstPass(String name) {
        BareMetalHost host = getHost(name);
        removeBmcSecretLabel(host);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode spec = patch.putObject("spec");
        for (var field : List.of("image", "customDeploy", "userData", "metaData", "networkData")) {
            if (has(host, field)) {
                spec.putNull(field);
            }
        }
        if (host.getSpec().online) {
            spec.put("online", false);
        }
        if (!spec.isEmpty()) {
            mergePatch(name, patch);
        }
    }

    /**
     * Delete, later passes: while the host is in any state from preparing to deleting (externally provisioned: while
     * powered on) CAPM3 waits ("Deprovisioning BareMetalHost, requeuing") and answers true; once it is not, consumerRef,
     * the owner reference, the cluster label and CAPM3's paused annotation are removed in one patch and it answers false.
     */
    boolean deleteWaiting(String name) {
        BareMetalHost host = getHost(name);
        String state = state(host);
        boolean waiting = switch (state) {
            case "registering", "match profile", "inspecting", "ready", "available", "", "unmanaged" -> false;
            case "externally provisioned" -> Boolean.TRUE.equals(status(host).poweredOn);
            default -> true;
        };
        if (waiting) {
            return true;
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.putArray("ownerReferences");
        if (cluster.equals(labels(host).get(CLUSTER_NAME_LABEL))) {
            metadata.putObject("labels").putNull(CLUSTER_NAME_LABEL);
        }
        if (PAUSED_BY_CAPM3.equals(annotations(host).get(PAUSED))) {
            metadata.putObject("annotations").putNull(PAUSED);
        }
        patch.putObject("spec").putNull("consumerRef");
        mergePatch(name, patch);
        return false;
    }

    /**
     * SetPauseAnnotation (the Cluster is paused, e.g. by clusterctl move): the paused annotation with CAPM3's value and
     * the status annotation (the status as JSON, hardware removed), in one patch; then, since PR #3459, the block-move
     * annotation comes off once the status annotation is on.
     */
    void setPauseAnnotation(String name) {
        BareMetalHost host = getHost(name);
        if (annotations(host).containsKey(PAUSED)) {
            return;
        }
        ObjectNode statusJson = client.getKubernetesSerialization().convertValue(status(host), ObjectNode.class);
        statusJson.remove("hardware");
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        annotations.put(PAUSED, PAUSED_BY_CAPM3);
        annotations.put(STATUS, statusJson.toString());
        mergePatch(name, patch);
        if (annotations(getHost(name)).containsKey(BLOCK_MOVE)) {
            ObjectNode unblock = JsonNodeFactory.instance.objectNode();
            unblock.putObject("metadata").putObject("annotations").putNull(BLOCK_MOVE);
            mergePatch(name, unblock);
        }
    }

    /** EnsureBlockMoveAnnotation (PR #3459): every reconcile of an associated, unpaused Metal3Machine keeps it on. */
    void ensureBlockMoveAnnotation(String name) {
        BareMetalHost host = getHost(name);
        if (!annotations(host).containsKey(BLOCK_MOVE) && !annotations(host).containsKey(PAUSED)) {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.putObject("metadata").putObject("annotations").put(BLOCK_MOVE, "true");
            mergePatch(name, patch);
        }
    }

    /** RemovePauseAnnotation (the Cluster is not paused): only the paused annotation CAPM3 set itself comes off. */
    void removePauseAnnotation(String name) {
        BareMetalHost host = getHost(name);
        if (PAUSED_BY_CAPM3.equals(annotations(host).get(PAUSED)) && cluster.equals(labels(host).get(CLUSTER_NAME_LABEL))) {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.putObject("metadata").putObject("annotations").putNull(PAUSED);
            mergePatch(name, patch);
        }
    }

    // ---- baremetal/metal3remediation_manager.go --------------------------------------------------------------------

    /** OnlineStatus: reconcileNormal fails the remediation (phase Failed) when the host's spec.online is false. */
    boolean onlineStatus(String name) {
        return getHost(name).getSpec().online;
    }

    /** SetPowerOffAnnotation: reboot.metal3.io/metal3-remediation-UID = {"mode":"hard"}. */
    void setPowerOffAnnotation(String name, String remediationUid) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("metadata").putObject("annotations").put(powerOffAnnotation(remediationUid), "{\"mode\":\"hard\"}");
        mergePatch(name, patch);
    }

    /** IsPowerOffRequested: the annotation is on the host. */
    boolean isPowerOffRequested(String name, String remediationUid) {
        return annotations(getHost(name)).containsKey(powerOffAnnotation(remediationUid));
    }

    /** IsPoweredOn: status.poweredOn. */
    boolean isPoweredOn(String name) {
        return Boolean.TRUE.equals(status(getHost(name)).poweredOn);
    }

    /** RemovePowerOffAnnotation. */
    void removePowerOffAnnotation(String name, String remediationUid) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("metadata").putObject("annotations").putNull(powerOffAnnotation(remediationUid));
        mergePatch(name, patch);
    }

    static String powerOffAnnotation(String remediationUid) {
        return "reboot.metal3.io/metal3-remediation-" + remediationUid;
    }

    // ---- mechanics ---------------------------------------------------------------------------------------------

    /** setBMCSecretLabel: GET the BMC Secret, add the cluster label, UPDATE it (a new resourceVersion). */
    private void setBmcSecretLabel(BareMetalHost host) {
        Secret secret = client.secrets().inNamespace(ns).withName(host.getSpec().bmc.credentialsName).get();
        Map<String, String> labels = secret.getMetadata().getLabels() == null ? new HashMap<>() : new HashMap<>(secret.getMetadata().getLabels());
        labels.put(CLUSTER_NAME_LABEL, cluster);
        secret.getMetadata().setLabels(labels);
        client.secrets().inNamespace(ns).resource(secret).update();
    }

    /** Delete: the cluster label comes off the BMC Secret when it names this cluster (GET, UPDATE). */
    private void removeBmcSecretLabel(BareMetalHost host) {
        Secret secret = client.secrets().inNamespace(ns).withName(host.getSpec().bmc.credentialsName).get();
        if (secret != null && secret.getMetadata().getLabels() != null && cluster.equals(secret.getMetadata().getLabels().get(CLUSTER_NAME_LABEL))) {
            Map<String, String> labels = new HashMap<>(secret.getMetadata().getLabels());
            labels.remove(CLUSTER_NAME_LABEL);
            secret.getMetadata().setLabels(labels);
            client.secrets().inNamespace(ns).resource(secret).update();
        }
    }

    private void mergePatch(String name, ObjectNode patch) {
        client.resources(BareMetalHost.class).inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    private static boolean has(BareMetalHost h, String field) {
        var s = h.getSpec();
        return switch (field) {
            case "image" -> s.image != null;
            case "customDeploy" -> s.customDeploy != null;
            case "userData" -> s.userData != null;
            case "metaData" -> s.metaData != null;
            case "networkData" -> s.networkData != null;
            default -> throw new IllegalArgumentException(field);
        };
    }

    static String state(BareMetalHost h) {
        return Site.state(h);
    }

    static BareMetalHostStatus status(BareMetalHost h) {
        return h.getStatus() == null ? new BareMetalHostStatus() : h.getStatus();
    }

    static Map<String, String> labels(BareMetalHost h) {
        return h.getMetadata().getLabels() == null ? Map.of() : h.getMetadata().getLabels();
    }

    static Map<String, String> annotations(BareMetalHost h) {
        return h.getMetadata().getAnnotations() == null ? Map.of() : h.getMetadata().getAnnotations();
    }
}
