package io.metalkube.kubernetes.mapping;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.Machine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A Machine (wire) to the application's {@link MachineView}, and {@link MachineStatus} back to the wire. */
public final class MachineMapper {

    /** The chosen host, written on the Machine before the host is claimed: {@code <namespace>/<name>}. */
    public static final String CHOSEN_HOST = "metal3.io/BareMetalHost";

    private MachineMapper() {
    }

    public static MachineId id(Machine m) {
        return new MachineId(m.getMetadata().getNamespace(), m.getMetadata().getName());
    }

    public static MachineView toView(Machine m) {
        MachineId id = id(m);
        ConsumerRef consumer = new ConsumerRef(Machine.API_VERSION, Machine.KIND, id.namespace(), id.name());
        Map<String, String> annotations = m.getMetadata().getAnnotations();
        Optional<HostId> chosen = chosenHost(annotations == null ? null : annotations.get(CHOSEN_HOST));
        return new MachineView(id, m.getMetadata().getResourceVersion(), consumer, chosen,
                Wire.field("spec", () -> ProviderConfigReader.read(m.getSpec(), consumer, id.namespace())),
                m.getMetadata().getDeletionTimestamp() != null, Wire.field("status", () -> status(m.getStatus())));
    }

    /** Parses {@code ns/name}; anything else (hand-edited garbage) reads as "no host chosen yet". */
    public static Optional<HostId> chosenHost(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new HostId(value.substring(0, slash), value.substring(slash + 1)));
    }

    public static String chosenHost(HostId host) {
        return host.namespace() + "/" + host.name();
    }

    static MachineStatus status(io.metalkube.kubernetes.crd.MachineStatus s) {
        if (s == null) {
            return MachineStatus.empty();
        }
        List<String> addresses = Wire.entries(s.addresses).stream().map(a -> a.address).filter(Objects::nonNull).toList();
        return new MachineStatus(s.hostName, s.phase, addresses, s.errorReason, s.errorMessage);
    }

    /** The wire status for {@code status}, keeping fields MetalKube does not own (nodeRef). */
    public static io.metalkube.kubernetes.crd.MachineStatus toWire(MachineStatus status, io.metalkube.kubernetes.crd.MachineStatus previous) {
        var w = new io.metalkube.kubernetes.crd.MachineStatus();
        w.hostName = Wire.emptyToNull(status.hostName());
        w.phase = Wire.emptyToNull(status.phase());
        w.addresses = status.addresses().isEmpty() ? null : status.addresses().stream()
                .map(a -> new io.metalkube.kubernetes.crd.MachineStatus.Address("InternalIP", a)).toList();
        w.errorReason = Wire.emptyToNull(status.errorReason());
        w.errorMessage = Wire.emptyToNull(status.errorMessage());
        if (previous != null) {
            w.nodeRef = previous.nodeRef;
            w.lastUpdated = previous.lastUpdated;
        }
        return w;
    }
}
