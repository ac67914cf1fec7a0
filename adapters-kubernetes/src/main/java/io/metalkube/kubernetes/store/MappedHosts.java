package io.metalkube.kubernetes.store;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostMapper;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each BareMetalHost's domain view, mapped once per resourceVersion and then shared ({@link Host} is immutable). A
 * claim lists every host of its namespace: mapping all 10,000 of them again on each of 20 concurrent claims filled a
 * 256 MiB heap (issue 14). A resourceVersion names one state of one object, so a hit is always current; entries of
 * deleted hosts go when a full listing shows them gone ({@link #keepOnly}).
 */
final class MappedHosts {

    private final ConcurrentHashMap<HostId, Host> byId = new ConcurrentHashMap<>();

    /** The domain view of {@code cr}: the one mapped before at the same resourceVersion, else {@code mapper}'s. */
    Host map(BareMetalHost cr, Function<BareMetalHost, Host> mapper) {
        String version = cr.getMetadata().getResourceVersion();
        if (version == null || version.isEmpty()) {
            return mapper.apply(cr);
        }
        HostId id = HostMapper.id(cr);
        Host known = byId.get(id);
        if (known != null && version.equals(known.revision())) {
            return known;
        }
        Host mapped = mapper.apply(cr);
        byId.put(id, mapped);
        return mapped;
    }

    /** Forgets hosts a complete listing no longer holds (deleted), once there are any. */
    void keepOnly(Collection<Host> listed) {
        if (byId.size() > listed.size()) {
            Set<HostId> present = ConcurrentHashMap.newKeySet(listed.size());
            listed.forEach(h -> present.add(h.id()));
            byId.keySet().retainAll(present);
        }
    }
}
