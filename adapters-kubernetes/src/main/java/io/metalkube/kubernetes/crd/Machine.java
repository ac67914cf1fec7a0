package io.metalkube.kubernetes.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** cluster-api v1alpha1 Machine, as the MetalKube seed uses it (providerConfig or providerSpec). */
@Group("cluster.k8s.io")
@Version("v1alpha1")
@Kind("Machine")
@Plural("machines")
@Singular("machine")
@ShortNames("ma")
@AdditionalPrinterColumn(name = "Host", jsonPath = ".status.hostName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Error", jsonPath = ".status.errorReason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Machine extends CustomResource<MachineSpec, MachineStatus> implements Namespaced {

    public static final String API_VERSION = "cluster.k8s.io/v1alpha1";
    public static final String KIND = "Machine";
}
