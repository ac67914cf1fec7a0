package io.metalkube.kubernetes.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * cluster-api v1alpha1 Machine, as the MetalKube seed uses it (providerConfig or providerSpec). Its group is one of
 * Kubernetes' protected {@code *.k8s.io} groups: a real API server refuses the CRD without the
 * {@code api-approved.kubernetes.io} annotation, and "unapproved, ..." says honestly that no API review approved it.
 */
@Group("cluster.k8s.io")
@Version("v1alpha1")
@Kind("Machine")
@Plural("machines")
@Singular("machine")
@ShortNames("ma")
@Annotations("api-approved.kubernetes.io=unapproved, retired Cluster API v1alpha1")
@AdditionalPrinterColumn(name = "Host", jsonPath = ".status.hostName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Error", jsonPath = ".status.errorReason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Machine extends CustomResource<MachineSpec, MachineStatus> implements Namespaced {

    public static final String API_VERSION = "cluster.k8s.io/v1alpha1";
    public static final String KIND = "Machine";
}
