package io.metalkube.kubernetes.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * OpenShift's Machine API Machine ({@code machine.openshift.io/v1beta1}), the fields a bare-metal actuator reads
 * and writes (openshift/api machine/v1beta1 types_machine.go). Its {@code spec.providerSpec.value} is a
 * {@code BareMetalMachineProviderSpec} (openshift/cluster-api-provider-baremetal). OpenShift installs this CRD itself;
 * {@code deploy/openshift/} ships this one for other clusters (an optional component, not in the default install).
 */
@Group("machine.openshift.io")
@Version("v1beta1")
@Kind("Machine")
@Plural("machines")
@Singular("machine")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Host", jsonPath = ".metadata.annotations['metal3\\.io/BareMetalHost']",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Error", jsonPath = ".status.errorReason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class OpenShiftMachine extends CustomResource<OpenShiftMachineSpec, OpenShiftMachineStatus> implements Namespaced {

    public static final String API_VERSION = "machine.openshift.io/v1beta1";
    public static final String KIND = "Machine";
}
