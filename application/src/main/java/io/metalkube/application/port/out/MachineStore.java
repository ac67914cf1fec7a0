package io.metalkube.application.port.out;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.HostId;

import java.util.Optional;

/** Outbound port: the consumers of hosts (Machines), as far as claiming them is concerned. */
public interface MachineStore {

    Optional<MachineView> find(MachineId id);

    /**
     * Records the chosen host on the Machine (annotation {@code metal3.io/BareMetalHost: ns/name}) before the host
     * is claimed, only if the Machine still has {@code machine.revision()}. A null {@code host} removes the
     * annotation (the Machine lost its chosen host and found no other).
     *
     * @throws ConflictException when the Machine changed since it was read
     */
    MachineView recordChosenHost(MachineView machine, HostId host);

    /** Writes the Machine's status, skipping the write if nothing changed. */
    void writeStatus(MachineView machine, MachineStatus status);

    /** Publishes a user-visible event on the Machine (no secrets in it). */
    void publish(MachineView machine, io.metalkube.domain.lifecycle.HostEvent event);

    /** The Machine's host is released: let the Machine object go (finalizer). */
    void releaseComplete(MachineView machine);
}
