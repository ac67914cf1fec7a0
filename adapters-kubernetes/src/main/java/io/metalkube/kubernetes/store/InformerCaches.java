package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.OpenShiftMachine;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.stream.Stream;

/**
 * The operator's informer caches, shared with the stores: the BareMetalHost and Machine controllers' primary caches
 * and the labelled-Secret event source. While the operator runs (caches synced), the stores read from here instead
 * of the API server, so an idle host costs no API read per poll. Writes still go to the API server with the
 * resourceVersion that was read, so a stale cache read ends in a 409 and a retry, never a lost update; each write's
 * answer is put into JOSDK's temporary cache ({@link #wrote}), so the next read sees it before the watch event does.
 * <p>
 * Stores and operator are built separately (bootstrap creates the ports before the use cases, the operator after);
 * they meet here through the client they share ({@link #of}). Without a running operator, stores read the API server.
 * The system property {@value #DIRECT_READS} = true turns cache reads off (for benchmarks: before/after).
 */
public final class InformerCaches {

    public static final String DIRECT_READS = "metalkube.kubernetes.directReads";
    private static final Map<KubernetesClient, InformerCaches> BY_CLIENT = Collections.synchronizedMap(new WeakHashMap<>());

    private volatile IndexerResourceCache<BareMetalHost> hosts;
    private volatile IndexerResourceCache<Machine> machines;
    /** Only while machine.openshift.io Machines are served (their CRD is optional): null otherwise. */
    private volatile IndexerResourceCache<OpenShiftMachine> openShiftMachines;
    private volatile Cache<Secret> secrets;
    private volatile Object owner;
    private volatile boolean serving;

    InformerCaches() {
    }

    /** The caches shared by everything built on {@code client}. */
    public static InformerCaches of(KubernetesClient client) {
        return BY_CLIENT.computeIfAbsent(client, c -> new InformerCaches());
    }

    public void bindHosts(Object owner, IndexerResourceCache<BareMetalHost> cache) {
        claim(owner);
        this.hosts = cache;
    }

    public void bindMachines(Object owner, IndexerResourceCache<Machine> cache) {
        claim(owner);
        this.machines = cache;
    }

    public void bindOpenShiftMachines(Object owner, IndexerResourceCache<OpenShiftMachine> cache) {
        claim(owner);
        this.openShiftMachines = cache;
    }

    public void bindSecrets(Object owner, Cache<Secret> cache) {
        claim(owner);
        this.secrets = cache;
    }

    private synchronized void claim(Object newOwner) {
        if (owner != newOwner) {
            owner = newOwner;
            serving = false;
            hosts = null;
            machines = null;
            openShiftMachines = null;
            secrets = null;
        }
    }

    /** Called once the owner's informers have synced: reads come from the caches from now on. */
    public synchronized void startServing(Object by) {
        if (owner == by && hosts != null && machines != null && secrets != null && !Boolean.getBoolean(DIRECT_READS)) {
            serving = true;
        }
    }

    /**
     * Called when the owner stops: reads go to the API server again. The entry leaves the client map too: the caches
     * hold the client, so the weak map would otherwise keep it forever (the stores keep their reference to this).
     */
    public synchronized void stopServing(Object by) {
        if (owner == by) {
            serving = false;
            synchronized (BY_CLIENT) {
                BY_CLIENT.values().removeIf(c -> c == this);
            }
        }
    }

    public boolean serving() {
        return serving;
    }

    /** The cached copy of a host (while serving); public for tests that look at what the cache holds. */
    public Optional<BareMetalHost> host(String namespace, String name) {
        return hosts.get(new ResourceID(name, namespace));
    }

    Stream<BareMetalHost> hosts(String namespace) {
        return namespace == null ? hosts.list(h -> true) : hosts.list(namespace, h -> true);
    }

    Optional<Machine> machine(String namespace, String name) {
        return machines.get(new ResourceID(name, namespace));
    }

    /** Empty also when OpenShift Machines are not served: the store then reads the API server. */
    Optional<OpenShiftMachine> openShiftMachine(String namespace, String name) {
        var cache = openShiftMachines;
        return cache == null ? Optional.empty() : cache.get(new ResourceID(name, namespace));
    }

    boolean servesOpenShiftMachines() {
        return serving && openShiftMachines != null;
    }

    /** Only labelled Secrets are cached: empty means "not in the cache", not "does not exist". */
    Optional<Secret> secret(String namespace, String name) {
        return secrets.get(new ResourceID(name, namespace));
    }

    /** Our own write's answer, so reads see it before the watch event arrives (JOSDK drops it once the event does). */
    void wrote(HasMetadata updated, HasMetadata previous) {
        if (!serving || updated == null || previous == null) {
            return;
        }
        Object cache = switch (updated) {
            case BareMetalHost h -> hosts;
            case Machine m -> machines;
            case OpenShiftMachine m -> openShiftMachines;
            default -> null;
        };
        if (cache instanceof RecentOperationCacheFiller<?> filler) {
            @SuppressWarnings("unchecked")
            RecentOperationCacheFiller<HasMetadata> f = (RecentOperationCacheFiller<HasMetadata>) filler;
            f.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, previous);
        }
    }
}
