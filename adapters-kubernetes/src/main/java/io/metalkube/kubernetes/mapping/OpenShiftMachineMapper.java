package io.metalkube.kubernetes.mapping;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import io.metalkube.kubernetes.crd.OpenShiftMachineStatus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenShift Machine (machine.openshift.io/v1beta1, wire) to the application's {@link MachineView}, and
 * {@link MachineStatus} back to the wire as OpenShift's baremetal actuator and machine controller show it
 * (openshift/cluster-api-provider-baremetal pkg/cloud/baremetal/actuators/machine/actuator.go): the claimed host in the
 * {@code metal3.io/BareMetalHost} annotation ({@code <namespace>/<name>}), {@code addresses} of type InternalIP,
 * {@code errorReason} InvalidConfiguration for a provider spec that cannot be used and InsufficientResources while
 * no host is available, the phases Provisioning, Provisioned (Running once a Node is linked), Deleting and Failed;
 * {@code providerStatus}, {@code nodeRef}, {@code conditions} and the rest are carried over as they are.
 * The mapping is exact both ways, so a status that did not change is never written again.
 */
public final class OpenShiftMachineMapper {

    /** errorReason while no host is available: OpenShift's InsufficientResourcesMachineError. */
    public static final String NO_HOST = "InsufficientResources";
    private static final String APP_NO_HOST = "NoHostAvailable";

    private OpenShiftMachineMapper() {
    }

    public static MachineId id(OpenShiftMachine m) {
        return new MachineId(m.getMetadata().getNamespace(), m.getMetadata().getName());
    }

    /** How a host claimed by this Machine names it in spec.consumerRef (as CAPBM's provisionHost writes it). */
    public static ConsumerRef consumer(MachineId id) {
        return new ConsumerRef(OpenShiftMachine.API_VERSION, OpenShiftMachine.KIND, id.namespace(), id.name());
    }

    public static MachineView toView(OpenShiftMachine m) {
        MachineId id = id(m);
        ConsumerRef consumer = consumer(id);
        Map<String, String> annotations = m.getMetadata().getAnnotations();
        Optional<HostId> chosen = MachineMapper.chosenHost(annotations == null ? null : annotations.get(MachineMapper.CHOSEN_HOST));
        return new MachineView(id, m.getMetadata().getResourceVersion(), consumer, chosen,
                Wire.field("spec", () -> ProviderConfigReader.readOpenShift(m.getSpec() == null ? null : m.getSpec().providerSpec,
                        consumer, id.namespace())),
                m.getMetadata().getDeletionTimestamp() != null, Wire.field("status", () -> status(m.getStatus(), chosen)));
    }

    /** True while the Machine waits for a host to become available (hosts that change then reconcile it). */
    public static boolean waitingForHost(OpenShiftMachine m) {
        return m.getStatus() != null && NO_HOST.equals(m.getStatus().errorReason);
    }

    /** The status as the claimer wrote it; the host's name is the annotation's (OpenShift's status has no field for it). */
    static MachineStatus status(OpenShiftMachineStatus s, Optional<HostId> chosen) {
        if (s == null) {
            return MachineStatus.empty();
        }
        String hostName = chosen.map(HostId::name).orElse("");
        String phase = switch (s.phase == null ? "" : s.phase) {
            case "Provisioning" -> hostName.isEmpty() ? "Pending" : "Provisioning";
            case "Running" -> "Provisioned";
            default -> s.phase;
        };
        List<String> addresses = Wire.entries(s.addresses).stream().filter(a -> "InternalIP".equals(a.type))
                .map(a -> a.address).filter(Objects::nonNull).toList();
        String reason = NO_HOST.equals(s.errorReason) ? APP_NO_HOST : s.errorReason;
        return new MachineStatus(hostName, phase, addresses, reason, s.errorMessage);
    }

    /** The wire status for {@code status}, keeping every field MetalKube does not own. */
    public static OpenShiftMachineStatus toWire(MachineStatus status, OpenShiftMachineStatus previous) {
        OpenShiftMachineStatus w = new OpenShiftMachineStatus();
        if (previous != null) {
            w.nodeRef = previous.nodeRef;
            w.lastUpdated = previous.lastUpdated;
            w.providerStatus = previous.providerStatus;
            w.lastOperation = previous.lastOperation;
            w.conditions = previous.conditions;
            w.authoritativeAPI = previous.authoritativeAPI;
            w.synchronizedGeneration = previous.synchronizedGeneration;
        }
        w.phase = Wire.emptyToNull(switch (status.phase()) {
            case "Pending" -> "Provisioning"; // OpenShift has no Pending: a Machine is Provisioning until its host is
            case "Provisioned" -> w.nodeRef != null ? "Running" : "Provisioned";
            default -> status.phase();
        });
        w.addresses = status.addresses().isEmpty() ? null : status.addresses().stream()
                .map(a -> new io.metalkube.kubernetes.crd.MachineStatus.Address("InternalIP", a)).toList();
        w.errorReason = Wire.emptyToNull(APP_NO_HOST.equals(status.errorReason()) ? NO_HOST : status.errorReason());
        w.errorMessage = Wire.emptyToNull(status.errorMessage());
        return w;
    }
}
