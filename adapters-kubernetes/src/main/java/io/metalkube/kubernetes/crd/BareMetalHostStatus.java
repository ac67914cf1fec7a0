package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;

/** BareMetalHost status, metal3 field names (metal3-anchors.md §1.4), plus {@code powerOffSince} (MetalKube). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BareMetalHostStatus {

    /** OK, discovered, error, delayed, detached. */
    public String operationalStatus;
    public String errorType;
    public String errorMessage;
    public Integer errorCount;
    public String lastUpdated;
    public Boolean poweredOn;
    public Provisioning provisioning;
    public Hardware hardware;
    public String hardwareProfile;
    public CredentialsStatus goodCredentials;
    public CredentialsStatus triedCredentials;
    public OperationHistory operationHistory;
    /** When a soft power-off was first asked for (MetalKube: falls back to hard after a timeout). */
    public String powerOffSince;
    /** reboot.metal3.io/<key> annotations a power cycle already served (MetalKube, spec.disablePowerOff hosts). */
    public List<String> servedReboots;
    public List<Condition> conditions;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Provisioning {
        public String state;
        @JsonProperty("ID")
        public String id;
        public BareMetalHostSpec.Image image;
        public BareMetalHostSpec.RootDeviceHints rootDeviceHints;
        public String bootMode;
        public BareMetalHostSpec.CustomDeploy customDeploy;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class CredentialsStatus {
        public SecretReference credentials;
        public String credentialsVersion;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class OperationHistory {
        public Span register;
        public Span inspect;
        public Span provision;
        public Span deprovision;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Span {
        public String start;
        public String end;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Hardware {
        public SystemVendor systemVendor;
        public Firmware firmware;
        public Integer ramMebibytes;
        public List<Nic> nics;
        public List<Storage> storage;
        public Cpu cpu;
        public String hostname;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SystemVendor {
        public String manufacturer;
        public String productName;
        public String serialNumber;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Firmware {
        public Bios bios;
        /** The BMC's own firmware version where the back-end reads it (MetalKube addition). */
        public String bmcVersion;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Bios {
        public String date;
        public String vendor;
        public String version;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Nic {
        public String name;
        public String model;
        public String mac;
        public String ip;
        public Integer speedGbps;
        public Boolean pxe;
        public Integer vlanId;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Storage {
        public String name;
        public String type;
        public Long sizeBytes;
        public String vendor;
        public String model;
        public String serialNumber;
        public Boolean rotational;
        public String hctl;
        public String wwn;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Cpu {
        public String arch;
        public String model;
        public Double clockMegahertz;
        public List<String> flags;
        public Integer count;
    }
}
