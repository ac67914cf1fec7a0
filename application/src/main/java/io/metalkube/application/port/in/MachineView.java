package io.metalkube.application.port.in;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.HostId;

import java.util.Optional;

/**
 * What claiming needs to know about a Machine.
 *
 * @param consumerRef how hosts refer to this Machine in spec.consumerRef
 * @param chosenHost  the host named by the Machine's {@code metal3.io/BareMetalHost} annotation, if any
 */
public record MachineView(MachineId id, String revision, ConsumerRef consumerRef, Optional<HostId> chosenHost,
                          ProviderConfig config, boolean deleting, MachineStatus status) {

    public MachineView {
        chosenHost = chosenHost == null ? Optional.empty() : chosenHost;
        status = status == null ? MachineStatus.empty() : status;
    }

    public MachineView withChosenHost(HostId host, String newRevision) {
        return new MachineView(id, newRevision, consumerRef, Optional.ofNullable(host), config, deleting, status);
    }
}
