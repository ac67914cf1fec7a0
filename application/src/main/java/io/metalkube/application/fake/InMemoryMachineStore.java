package io.metalkube.application.fake;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory {@link MachineStore} with revision-checked annotation writes and a finalizer on deletion. */
public final class InMemoryMachineStore implements MachineStore {

    private final Map<MachineId, MachineView> machines = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final AtomicLong revisions = new AtomicLong();

    public synchronized MachineView put(MachineView machine) {
        MachineView stored = withRevision(machine, next());
        machines.put(machine.id(), stored);
        return stored;
    }

    public synchronized void delete(MachineId id) {
        MachineView m = machines.get(id);
        if (m != null) {
            put(new MachineView(m.id(), m.revision(), m.consumerRef(), m.chosenHost(), m.config(), true, m.status()));
        }
    }

    public synchronized List<MachineView> all() {
        return List.copyOf(machines.values());
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<MachineView> find(MachineId id) {
        return Optional.ofNullable(machines.get(id));
    }

    @Override
    public synchronized MachineView recordChosenHost(MachineView machine, HostId host) {
        MachineView stored = machines.get(machine.id());
        if (stored == null || !stored.revision().equals(machine.revision())) {
            throw new ConflictException("Machine " + machine.id() + " changed since it was read");
        }
        MachineView next = stored.withChosenHost(host, next());
        machines.put(next.id(), next);
        return next;
    }

    @Override
    public synchronized void writeStatus(MachineView machine, MachineStatus status) {
        MachineView stored = machines.get(machine.id());
        if (stored != null && !stored.status().equals(status)) {
            machines.put(stored.id(), new MachineView(stored.id(), next(), stored.consumerRef(), stored.chosenHost(),
                    stored.config(), stored.deleting(), status));
        }
    }

    @Override
    public synchronized void publish(MachineView machine, HostEvent event) {
        events.add(machine.id() + " " + event.reason() + ": " + event.message());
    }

    @Override
    public synchronized void releaseComplete(MachineView machine) {
        MachineView stored = machines.get(machine.id());
        if (stored != null && stored.deleting()) {
            machines.remove(machine.id());
        }
    }

    private static MachineView withRevision(MachineView m, String revision) {
        return new MachineView(m.id(), revision, m.consumerRef(), m.chosenHost(), m.config(), m.deleting(), m.status());
    }

    private String next() {
        return Long.toString(revisions.incrementAndGet());
    }
}
