package io.metalkube.application.bench;

import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.lifecycle.Effect;

import java.util.List;
import java.util.Optional;

/**
 * Decorator over a {@link HostStore} that counts the calls that would be API-server writes. State changes are counted
 * from the events that report them (ScaleBench): one status write may store several.
 */
final class CountingHostStore implements HostStore {

    private final HostStore delegate;
    long writes;
    long lists;

    CountingHostStore(HostStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Host> find(HostId id) {
        return delegate.find(id);
    }

    @Override
    public List<Host> list(String namespace) {
        lists++;
        return delegate.list(namespace);
    }

    @Override
    public List<Host> listAll() {
        lists++;
        return delegate.listAll();
    }

    /** Not counted: a no-op on the in-memory store; on Kubernetes one finalizer write per host (the Kubernetes benchmarks count it). */
    @Override
    public Host holdForCleanup(Host host) {
        return delegate.holdForCleanup(host);
    }

    @Override
    public Host writeStatus(Host current, HostStatus status) {
        writes++;
        return delegate.writeStatus(current, status);
    }

    @Override
    public Host compareAndSetSpec(Host expected, HostSpec spec) {
        writes++;
        return delegate.compareAndSetSpec(expected, spec);
    }

    @Override
    public Host apply(Host current, List<Effect> effects) {
        writes++;
        return delegate.apply(current, effects);
    }

    @Override
    public Optional<Host> createIfAbsent(Host host) {
        writes++;
        return delegate.createIfAbsent(host);
    }
}
