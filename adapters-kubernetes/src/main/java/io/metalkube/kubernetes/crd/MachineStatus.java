package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** cluster-api v1alpha1 MachineStatus, plus {@code hostName} (the claimed BareMetalHost, MetalKube). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MachineStatus {

    public String hostName;
    public String phase;
    public List<Address> addresses;
    public String errorReason;
    public String errorMessage;
    public String lastUpdated;
    public ObjectReference nodeRef;

    /** core/v1 NodeAddress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Address {
        public String type;
        public String address;

        public Address() {
        }

        public Address(String type, String address) {
            this.type = type;
            this.address = address;
        }
    }
}
