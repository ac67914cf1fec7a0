package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** BareMetalHost spec, metal3 field names (metal3-anchors.md §1.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BareMetalHostSpec {

    public Bmc bmc;
    @Pattern("^$|^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$")
    public String bootMACAddress;
    /** UEFI (default), UEFISecureBoot or legacy. */
    @Pattern("^(UEFI|UEFISecureBoot|legacy)?$")
    public String bootMode;
    @Required
    public boolean online;
    public ObjectReference consumerRef;
    public Boolean externallyProvisioned;
    public Image image;
    public SecretReference userData;
    public SecretReference networkData;
    public SecretReference metaData;
    public String preprovisioningNetworkDataName;
    public RootDeviceHints rootDeviceHints;
    /** metadata (default, which the API server fills in as metal3's CRD does) or disabled. */
    @Default("metadata")
    @Pattern("^(metadata|disabled)?$")
    public String automatedCleaningMode;
    public Boolean disablePowerOff;
    public String hardwareProfile;
    public String architecture;
    public String description;
    /** disabled, agent or fast; not acted on by MetalKube yet, kept so metal3 manifests apply unchanged. */
    public String inspectionMode;
    @PreserveUnknownFields
    public JsonNode raid;
    @PreserveUnknownFields
    public JsonNode firmware;
    /** Deploy with this step of the deploy ramdisk instead of (or with) the image. */
    public CustomDeploy customDeploy;
    @PreserveUnknownFields
    public List<JsonNode> taints;
    /** Switch-port configuration (metal3 2026); kept, not acted on. */
    @PreserveUnknownFields
    public List<JsonNode> networkInterfaces;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Bmc {
        public String address;
        public String credentialsName;
        public Boolean disableCertificateVerification;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Image {
        public String url;
        public String checksum;
        /** md5, sha256, sha512 or auto. */
        @Pattern("^(md5|sha256|sha512|auto)?$")
        public String checksumType;
        /** raw, qcow2, vdi, vmdk or live-iso. */
        @Pattern("^(raw|qcow2|vdi|vmdk|live-iso)?$")
        public String format;
        public String ociAuthSecretName;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class CustomDeploy {
        /** The deploy step to run, e.g. install_coreos; specific to the deploy ramdisk. */
        @Required
        public String method;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RootDeviceHints {
        public String deviceName;
        public String hctl;
        public String model;
        public String vendor;
        public String serialNumber;
        public Integer minSizeGigabytes;
        public String wwn;
        public String wwnWithExtension;
        public String wwnVendorExtension;
        public Boolean rotational;
    }
}
