package io.metalkube.application.prove;

import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.lifecycle.Effect;

import java.util.List;
import java.util.Optional;

/**
 * Decorator over a {@link HostStore}: asks {@link Faults} before every call, then delegates. Status writes are
 * revision-checked here as the Kubernetes adapter does (a JSON patch carrying resourceVersion), which the in-memory
 * fake does not do: a status computed from a stale read is refused with a conflict instead of overwriting.
 */
final class FaultyHostStore implements HostStore {

    private final HostStore delegate;
    private final Faults faults;

    FaultyHostStore(HostStore delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public Optional<Host> find(HostId id) {
        faults.before("hosts.find");
        return delegate.find(id);
    }

    @Override
    public Host holdForCleanup(Host host) {
        faults.before("hosts.holdForCleanup");
        return delegate.holdForCleanup(host);
    }

    @Override
    public List<Host> list(String namespace) {
        faults.before("hosts.list");
        return delegate.list(namespace);
    }

    @Override
    public List<Host> listAll() {
        faults.before("hosts.listAll");
        return delegate.listAll();
    }

    @Override
    public Host writeStatus(Host current, HostStatus status) {
        faults.before("hosts.writeStatus");
        Optional<Host> stored = delegate.find(current.id());
        if (stored.isPresent() && !stored.get().status().equals(status) && !stored.get().revision().equals(current.revision())) {
            throw new ConflictException("status of host " + current.id() + ": read at revision " + current.revision()
                    + ", now " + stored.get().revision());
        }
        return delegate.writeStatus(current, status);
    }

    @Override
    public Host compareAndSetSpec(Host expected, HostSpec spec) {
        faults.before("hosts.compareAndSetSpec");
        return delegate.compareAndSetSpec(expected, spec);
    }

    @Override
    public Host apply(Host current, List<Effect> effects) {
        faults.before("hosts.apply");
        return delegate.apply(current, effects);
    }

    @Override
    public Optional<Host> createIfAbsent(Host host) {
        faults.before("hosts.createIfAbsent");
        return delegate.createIfAbsent(host);
    }
}
