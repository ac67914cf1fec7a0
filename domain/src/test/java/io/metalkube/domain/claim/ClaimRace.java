package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumers claiming hosts concurrently through a store, the way the application does: read all hosts, let
 * {@link HostClaims} choose, write the claim back. Reads and writes of different consumers interleave freely.
 * Records every violation of "a host has at most one consumer, a consumer at most one host".
 */
final class ClaimRace {

    private final HostClaims claims = HostClaims.standard();
    private final Map<HostId, Host> store = new TreeMap<>();
    private final Map<Integer, ClaimRequest> requests = new HashMap<>();
    private final Map<Integer, Host> pending = new HashMap<>();
    private final Map<HostId, ConsumerRef> firstOwner = new HashMap<>();
    private final boolean compareAndSet;
    private final List<String> log = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    ClaimRace(List<Host> hosts, List<ClaimRequest> consumers, boolean compareAndSet) {
        hosts.forEach(h -> store.put(h.id(), h));
        for (int i = 0; i < consumers.size(); i++) {
            requests.put(i, consumers.get(i));
        }
        this.compareAndSet = compareAndSet;
        hosts.forEach(h -> {
            if (h.spec().consumerRef() != null) {
                firstOwner.put(h.id(), h.spec().consumerRef());
            }
        });
    }

    /** Consumer {@code c} lists the hosts and decides which one to take. */
    void read(int c) {
        ClaimDecision d = claims.choose(List.copyOf(store.values()), requests.get(c));
        if (d instanceof ClaimDecision.Chosen chosen) {
            pending.put(c, chosen.host());
            log.add("consumer " + c + " reads, chooses " + chosen.host().id());
        } else {
            pending.remove(c);
            log.add("consumer " + c + " reads: " + d.getClass().getSimpleName());
        }
    }

    /** Consumer {@code c} writes its claim; with compare-and-set the write fails if the host changed since the read. */
    void write(int c) {
        Host seen = pending.remove(c);
        if (seen == null) {
            return;
        }
        Host current = store.get(seen.id());
        if (compareAndSet && !current.revision().equals(seen.revision())) {
            log.add("consumer " + c + " loses the race for " + seen.id());
            return;
        }
        HostSpec claimed = claims.claim(seen, requests.get(c));
        Host written = current.withSpec(claimed).withRevision(String.valueOf(Long.parseLong(current.revision()) + 1));
        store.put(seen.id(), written);
        log.add("consumer " + c + " claims " + seen.id());
        check(written);
    }

    private void check(Host written) {
        ConsumerRef owner = written.spec().consumerRef();
        ConsumerRef first = firstOwner.putIfAbsent(written.id(), owner);
        if (first != null && !first.sameObjectAs(owner)) {
            violations.add(written.id() + " taken from " + first + " by " + owner);
        }
        for (ClaimRequest r : requests.values()) {
            long owned = store.values().stream().filter(h -> r.consumer().sameObjectAs(h.spec().consumerRef())).count();
            if (owned > 1) {
                violations.add(r.consumer() + " owns " + owned + " hosts");
            }
        }
    }

    List<String> violations() {
        return violations;
    }

    List<String> log() {
        return log;
    }

    Map<HostId, Host> store() {
        return store;
    }
}
