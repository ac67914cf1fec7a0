package io.metalkube.kubernetes.controller;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.crd.ObjectReference;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operator's informers keep of each object (at 10,000 hosts in -Xmx256m, every byte of it counts). */
class LeanCacheTest {

    @Test
    void everyCacheDropsManagedFields() {
        BareMetalHost host = host();
        LeanCache.withoutManagedFields(host);
        assertThat(host.getMetadata().getManagedFields()).isNull();
        assertThat(host.getStatus()).as("the host controller's cache keeps the rest").isNotNull();
    }

    @Test
    void theMachineControllersHostCacheKeepsOnlyIdentityAndConsumerRef() {
        BareMetalHost lean = LeanCache.consumerRefOnly(host());

        assertThat(lean.getMetadata().getName()).isEqualTo("h-1");
        assertThat(lean.getMetadata().getNamespace()).isEqualTo("site");
        assertThat(lean.getMetadata().getUid()).isEqualTo("uid-1");
        assertThat(lean.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(lean.getSpec().consumerRef.name).isEqualTo("machine-1");
        assertThat(lean.getSpec().bmc).isNull();
        assertThat(lean.getStatus()).isNull();
        assertThat(lean.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(lean.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(lean.getMetadata().getManagedFields()).isNullOrEmpty();
    }

    @Test
    void anUnclaimedHostStaysUnclaimedAndSeveralNamespacesKeepFabric8sStore() {
        BareMetalHost unclaimed = host();
        unclaimed.getSpec().consumerRef = null;
        assertThat(LeanCache.consumerRefOnly(unclaimed).getSpec().consumerRef).isNull();
        assertThat(LeanCache.consumerRefsOnly(Set.of("a", "b"))).as("one store shared by per-namespace informers would lose objects").isNull();
        assertThat(LeanCache.consumerRefsOnly(Set.of("a"))).isNotNull();
    }

    private static BareMetalHost host() {
        BareMetalHost h = new BareMetalHost();
        h.setMetadata(new ObjectMetaBuilder().withName("h-1").withNamespace("site").withUid("uid-1").withResourceVersion("42")
                .withLabels(Map.of("pool", "a")).withAnnotations(Map.of("note", "x"))
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").build()).build());
        BareMetalHostSpec spec = new BareMetalHostSpec();
        spec.bmc = new BareMetalHostSpec.Bmc();
        spec.bmc.address = "ipmi://192.0.2.1";
        spec.consumerRef = new ObjectReference();
        spec.consumerRef.name = "machine-1";
        h.setSpec(spec);
        BareMetalHostStatus status = new BareMetalHostStatus();
        status.operationalStatus = "OK";
        h.setStatus(status);
        return h;
    }
}
