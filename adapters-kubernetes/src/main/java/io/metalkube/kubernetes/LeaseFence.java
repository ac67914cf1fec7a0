package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.lifecycle.Outcome;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * What a replica that lost the leader Lease may still do: nothing that changes anything. Once {@link #close closed}
 * (by {@link KubernetesOperator} the moment it learns it no longer holds the Lease), every write its client would send
 * to the API server fails before it leaves the process (reads and watches go on), and every call to a back-end
 * wrapped with {@link #guard} is refused without being made. Reconciles already running when the Lease goes can
 * therefore not write a status, an event or a finalizer, nor power a host, after that moment; a replica that
 * follows (never led) is not affected.
 * <p>
 * Every client {@link KubernetesClients} builds carries one ({@link #of}); the operator and the back-end wiring
 * meet at it through the client they share. It also sees every answer, so it knows when the API server last accepted
 * a renewal of the Lease ({@link #nanosSinceRenewal}): the operator's own watchdog for the renew deadline, which a
 * renewal stuck in the client's connection retries cannot hold up.
 */
public final class LeaseFence implements Interceptor {

    private static final System.Logger LOG = System.getLogger(LeaseFence.class.getName());
    private static final Map<KubernetesClient, LeaseFence> BY_CLIENT = Collections.synchronizedMap(new WeakHashMap<>());

    private volatile String closedBecause;
    private volatile String leasePath;
    private volatile long lastRenewalNanos;

    LeaseFence() {
    }

    /** The fence of {@code client} (one that fences nothing at the HTTP level if the client was built elsewhere). */
    public static LeaseFence of(KubernetesClient client) {
        return BY_CLIENT.computeIfAbsent(client, c -> new LeaseFence());
    }

    static KubernetesClient register(KubernetesClient client, LeaseFence fence) {
        BY_CLIENT.put(client, fence);
        return client;
    }

    /** From now on nothing is written or called; {@code why} goes into every refusal. Idempotent. */
    public synchronized void close(String why) {
        if (closedBecause == null) {
            closedBecause = why;
            LOG.log(Level.WARNING, () -> "this replica no longer acts on hosts: " + why);
        }
    }

    /** Why it was closed, or empty while this replica may act. */
    public Optional<String> closedBecause() {
        return Optional.ofNullable(closedBecause);
    }

    public boolean isClosed() {
        return closedBecause != null;
    }

    /**
     * {@code backend} refusing every call once closed: the call is not made and the outcome is Unavailable (the
     * lifecycle then writes nothing it could not write anyway).
     */
    public Backend guard(Backend backend) {
        return backend.around((operation, call) -> {
            String why = closedBecause;
            if (why != null) {
                return new Outcome.Unavailable("not called: " + why);
            }
            return call.get();
        });
    }

    /**
     * From now on, {@link #nanosSinceRenewal()} counts from the last write to this Lease that the API server
     * accepted (an acquisition or a renewal); until the first one, from now.
     */
    public void watchRenewalsOf(String namespace, String name) {
        lastRenewalNanos = System.nanoTime();
        leasePath = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/" + name;
    }

    /** Nanoseconds since the API server last accepted a write to the watched Lease. */
    public long nanosSinceRenewal() {
        return System.nanoTime() - lastRenewalNanos;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        String path = leasePath;
        if (path != null && response.isSuccessful() && !"GET".equals(request.method()) && request.uri().getPath().equals(path)) {
            lastRenewalNanos = System.nanoTime();
        }
    }

    /** Refuses every request but GET (reads, lists, watches) once closed. */
    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String why = closedBecause;
        if (why != null && !"GET".equals(request.method())) {
            throw new LeaseLostException(request.method() + " " + request.uri().getPath() + " refused: " + why);
        }
    }

    /** A write refused because this replica no longer holds the leader Lease. */
    public static final class LeaseLostException extends IllegalStateException {
        LeaseLostException(String message) {
            super(message);
        }
    }
}
