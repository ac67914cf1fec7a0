package io.metalkube.application.prove;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;

import java.util.Optional;

/** Decorator over a {@link MachineStore}: asks {@link Faults} before every call, then delegates. */
final class FaultyMachineStore implements MachineStore {

    private final MachineStore delegate;
    private final Faults faults;

    FaultyMachineStore(MachineStore delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public Optional<MachineView> find(MachineId id) {
        faults.before("machines.find");
        return delegate.find(id);
    }

    @Override
    public MachineView recordChosenHost(MachineView machine, HostId host) {
        faults.before("machines.recordChosenHost");
        return delegate.recordChosenHost(machine, host);
    }

    @Override
    public void writeStatus(MachineView machine, MachineStatus status) {
        faults.before("machines.writeStatus");
        delegate.writeStatus(machine, status);
    }

    @Override
    public void publish(MachineView machine, HostEvent event) {
        faults.before("machines.publish");
        delegate.publish(machine, event);
    }

    @Override
    public void releaseComplete(MachineView machine) {
        faults.before("machines.releaseComplete");
        delegate.releaseComplete(machine);
    }
}
