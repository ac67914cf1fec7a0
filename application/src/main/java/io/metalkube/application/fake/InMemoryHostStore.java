package io.metalkube.application.fake;

import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.lifecycle.Effect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * In-memory {@link HostStore} with Kubernetes-like semantics: a global revision counter, compare-and-set spec
 * writes, deletion that waits for the finalizer. Thread-safe. Counts writes for efficiency tests.
 */
public final class InMemoryHostStore implements HostStore {

    private final Map<HostId, Host> hosts = new ConcurrentHashMap<>();
    private final AtomicLong revisions = new AtomicLong();
    private final AtomicLong statusWrites = new AtomicLong();
    private final AtomicLong specWrites = new AtomicLong();

    /** Adds or replaces a host as a user would (kubectl apply), giving it a new revision. */
    public synchronized Host put(Host host) {
        Host stored = host.withRevision(nextRevision());
        hosts.put(host.id(), stored);
        return stored;
    }

    /** A user edit of spec, labels or annotations (never status), like kubectl edit. */
    public synchronized Host edit(HostId id, UnaryOperator<Host> change) {
        Host current = require(id);
        Host edited = change.apply(current).withStatus(current.status());
        return put(edited);
    }

    /** Requests deletion; the host stays until the lifecycle removes the finalizer. */
    public synchronized void delete(HostId id) {
        Host current = require(id);
        put(current.markedForDeletion());
    }

    public long statusWrites() {
        return statusWrites.get();
    }

    public long specWrites() {
        return specWrites.get();
    }

    @Override
    public Optional<Host> find(HostId id) {
        return Optional.ofNullable(hosts.get(id));
    }

    @Override
    public List<Host> list(String namespace) {
        List<Host> out = new ArrayList<>();
        for (Host h : hosts.values()) {
            if (h.id().namespace().equals(namespace)) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparing(Host::id));
        return out;
    }

    @Override
    public List<Host> listAll() {
        List<Host> out = new ArrayList<>(hosts.values());
        out.sort(Comparator.comparing(Host::id));
        return out;
    }

    @Override
    public synchronized Host writeStatus(Host current, HostStatus status) {
        Host stored = require(current.id());
        if (stored.status().equals(status)) {
            return stored;
        }
        statusWrites.incrementAndGet();
        Host next = stored.withStatus(status).withRevision(nextRevision());
        hosts.put(next.id(), next);
        return next;
    }

    @Override
    public synchronized Host compareAndSetSpec(Host expected, HostSpec spec) {
        Host stored = require(expected.id());
        if (!stored.revision().equals(expected.revision())) {
            throw new ConflictException("host " + expected.id() + " changed: read at revision " + expected.revision()
                    + ", now " + stored.revision());
        }
        specWrites.incrementAndGet();
        Host next = stored.withSpec(spec).withRevision(nextRevision());
        hosts.put(next.id(), next);
        return next;
    }

    /** Every host here is held from the start: it stays until {@link Effect#REMOVE_FINALIZER}. */
    @Override
    public Host holdForCleanup(Host host) {
        return host;
    }

    @Override
    public synchronized Host apply(Host current, List<Effect> effects) {
        Host host = require(current.id());
        HostAnnotations a = host.annotations();
        for (Effect effect : effects) {
            switch (effect) {
                case REMOVE_FINALIZER -> {
                    if (host.deleting()) {
                        hosts.remove(host.id());
                        return host;
                    }
                }
                case CLEAR_ONCE_REBOOT -> a = a.withReboots(a.reboots().stream().filter(r -> r.isKeyed()).toList());
                case CLEAR_INSPECT_REQUEST -> a = a.withInspect(InspectRequest.NONE);
                case CLEAR_STATUS_BACKUP -> a = a.withStatusBackup(Optional.empty());
            }
        }
        Host next = host.withAnnotations(a).withRevision(nextRevision());
        hosts.put(next.id(), next);
        return next;
    }

    @Override
    public synchronized Optional<Host> createIfAbsent(Host host) {
        if (hosts.containsKey(host.id())) {
            return Optional.empty();
        }
        return Optional.of(put(host));
    }

    private Host require(HostId id) {
        Host h = hosts.get(id);
        if (h == null) {
            throw new ConflictException("host " + id + " no longer exists");
        }
        return h;
    }

    private String nextRevision() {
        return Long.toString(revisions.incrementAndGet());
    }
}
