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

/** metal3's BareMetalHost (metal3-anchors.md §1.2, §1.4), printer columns as metal3 shows them. */
@Group("metal3.io")
@Version("v1alpha1")
@Kind("BareMetalHost")
@Plural("baremetalhosts")
@Singular("baremetalhost")
@ShortNames({"bmh", "bmhost"})
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.operationalStatus", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "State", jsonPath = ".status.provisioning.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Consumer", jsonPath = ".spec.consumerRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "BMC", jsonPath = ".spec.bmc.address", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Online", jsonPath = ".spec.online", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Error", jsonPath = ".status.errorType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class BareMetalHost extends CustomResource<BareMetalHostSpec, BareMetalHostStatus> implements Namespaced {

    public static final String API_VERSION = "metal3.io/v1alpha1";
    public static final String KIND = "BareMetalHost";
}
