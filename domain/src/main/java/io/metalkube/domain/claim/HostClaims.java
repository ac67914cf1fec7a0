package io.metalkube.domain.claim;

import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Claiming and releasing hosts (metal3-anchors.md §3). Choice is deterministic: each consumer ranks the eligible
 * hosts by a hash of (consumer, host), so a retry after a conflict picks the same host again, while different
 * consumers spread over different hosts instead of all racing for the first one.
 */
public final class HostClaims {

    private record Ranked(long rank, Host host) {
    }

    private final List<ClaimPolicy> policies;

    public HostClaims(List<ClaimPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static HostClaims standard() {
        return new HostClaims(ClaimPolicy.all());
    }

    public ClaimDecision choose(List<Host> hosts, ClaimRequest request) {
        for (Host h : hosts) {
            if (request.consumer().sameObjectAs(h.spec().consumerRef())) {
                return new ClaimDecision.AlreadyClaimed(h);
            }
        }
        List<Host> eligible = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        int lackingOnlyAnImage = 0;
        for (Host h : hosts) {
            Optional<Rejection> rejection = rejection(h, request);
            if (rejection.isEmpty()) {
                eligible.add(h);
            } else {
                reasons.merge(rejection.get().reason(), 1, Integer::sum);
                lackingOnlyAnImage += rejection.get().policy() == ClaimPolicy.IMAGE_TO_PROVISION ? 1 : 0;
            }
        }
        Optional<Host> awaited = awaitedReuseHost(hosts, eligible, request);
        if (awaited.isPresent()) {
            Host h = awaited.get();
            return new ClaimDecision.NoneAvailable("host " + h.id() + " is reserved for node reuse by " + request.nodeReuseGroup()
                    + " and still \"" + h.state().wireName() + "\"; waiting for it to become available");
        }
        if (eligible.isEmpty()) {
            return new ClaimDecision.NoneAvailable(summarize(hosts.size(), request, reasons), lackingOnlyAnImage);
        }
        List<Host> reserved = eligible.stream().filter(h -> reservedFor(h, request)).toList();
        if (!reserved.isEmpty()) {
            eligible = reserved; // CAPM3's chooseHost: a host booked for this group comes before any free one
        }
        String consumerKey = request.consumer().namespace() + "/" + request.consumer().name();
        // rank each host once (hashing inside the comparator cost 30 ms per claim at 10,000 hosts)
        List<Ranked> ranked = new ArrayList<>(eligible.size());
        for (Host h : eligible) {
            ranked.add(new Ranked(rank(consumerKey, h.id().toString()), h));
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank).thenComparing(r -> r.host().id()));
        List<Host> others = new ArrayList<>(ranked.size() - 1);
        for (int i = 1; i < ranked.size(); i++) {
            others.add(ranked.get(i).host());
        }
        return new ClaimDecision.Chosen(ranked.get(0).host(), List.copyOf(others));
    }

    private static boolean reservedFor(Host host, ClaimRequest request) {
        return request.nodeReuseGroup() != null && request.nodeReuseGroup().equals(host.labels().get(ClaimPolicy.NODE_REUSE_LABEL));
    }

    /**
     * CAPM3 waits for a host booked for the requester's group that is not available yet (e.g. still deprovisioning
     * after its previous Machine went away) rather than take another: the booked host is the one to reuse.
     */
    private static Optional<Host> awaitedReuseHost(List<Host> hosts, List<Host> eligible, ClaimRequest request) {
        if (request.nodeReuseGroup() == null || eligible.stream().anyMatch(h -> reservedFor(h, request))) {
            return Optional.empty();
        }
        return hosts.stream().filter(h -> reservedFor(h, request) && !h.deleting() && h.spec().consumerRef() == null
                        && h.id().namespace().equals(request.namespace()) && request.selector().matches(h.labels())
                        && !h.annotations().unhealthy() && !h.annotations().paused() && !h.annotations().isDetached()
                        && !h.status().hasError())
                .min(java.util.Comparator.comparing(Host::id));
    }

    /** Why {@code host} cannot be claimed: the first policy that rejects it, if any. */
    public Optional<String> firstRejection(Host host, ClaimRequest request) {
        return rejection(host, request).map(Rejection::reason);
    }

    private record Rejection(ClaimPolicy policy, String reason) {
    }

    private Optional<Rejection> rejection(Host host, ClaimRequest request) {
        for (ClaimPolicy p : policies) {
            Optional<String> r = p.reject(host, request);
            if (r.isPresent()) {
                return Optional.of(new Rejection(p, r.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The spec after claiming: consumerRef set; the request's image and/or custom deploy, and its userData, set only
     * if the host has neither an image nor a custom deploy (no in-place re-provisioning); online so that provisioning
     * starts.
     */
    public HostSpec claim(Host host, ClaimRequest request) {
        HostSpec spec = host.spec().withConsumerRef(request.consumer());
        if (!spec.hasDeployment() && request.deploys()) {
            if (request.image() != null) {
                spec = spec.withImage(request.image());
            }
            if (request.customDeploy() != null) {
                spec = spec.withCustomDeploy(request.customDeploy());
            }
            spec = spec.withUserData(request.userData());
        }
        return spec.withOnline(true);
    }

    /** The next step of releasing {@code host} from {@code consumer}. */
    public ReleaseStep release(Host host, ConsumerRef consumer) {
        HostSpec spec = host.spec();
        if (!consumer.sameObjectAs(spec.consumerRef())) {
            return new ReleaseStep.NotOurs();
        }
        boolean releasedOnline = spec.disablePowerOff(); // a host that may not be powered off stays on (metal3 §1.7)
        if (spec.image() != null || spec.customDeploy() != null || spec.userData() != null || spec.online() != releasedOnline) {
            return new ReleaseStep.ClearSpec(spec.withImage(null).withCustomDeploy(null).withUserData(null).withOnline(releasedOnline));
        }
        boolean settled = switch (host.state()) {
            case PROVISIONING, PROVISIONED, DEPROVISIONING, POWERING_OFF_BEFORE_DELETE, DELETING, PREPARING -> false;
            case EXTERNALLY_PROVISIONED -> Boolean.FALSE.equals(host.status().poweredOn());
            default -> true;
        };
        if (!settled) {
            return new ReleaseStep.WaitForDeprovisioning(host.state());
        }
        return new ReleaseStep.ClearConsumer(spec.withConsumerRef(null));
    }

    private static String summarize(int total, ClaimRequest request, Map<String, Integer> reasons) {
        if (total == 0) {
            return "no hosts in namespace " + request.namespace();
        }
        String why = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("; "));
        return "no available host matches " + request.selector() + " (" + total + " hosts: " + why + ")";
    }

    /** 64-bit FNV-1a of consumer and host: a stable, well-spread rank (rendezvous hashing). */
    static long rank(String consumer, String host) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (consumer + "\u0000" + host).getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
