package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Port implementation (HostEventSink, and the Machine side of MachineStore.publish): core/v1 Events on the
 * BareMetalHost or Machine, so {@code kubectl describe} shows transitions and errors. Best effort, as client-go's
 * event recorder: events are sent by a background sender from a bounded queue, so a reconcile never waits for one
 * (under the client's rate limit they have their own budget, see ApiRateLimiter); when the queue is full an event is
 * dropped and counted; a failed event write is logged, never fails the reconcile.
 */
public final class KubernetesEvents implements HostEventSink {

    private static final System.Logger LOG = System.getLogger(KubernetesEvents.class.getName());

    private final KubernetesClient client;
    private final String component;
    private final Clock clock;
    private final Map<String, String> uids = new ConcurrentHashMap<>();
    /** Random start, so that two operator instances never pick the same event name in the same millisecond. */
    private final AtomicLong sequence = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40));

    /** Events waiting to be sent, as client-go's broadcaster queue (1,000). */
    static final int QUEUE = 1_000;
    /** Events in flight at once: a slow API server (each POST a round trip) must not make the queue overflow. */
    static final int SENDERS = 4;

    private final ThreadPoolExecutor sender;
    private final AtomicLong dropped = new AtomicLong();

    public KubernetesEvents(KubernetesClient client, String component, Clock clock) {
        this.client = client;
        this.component = component;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(SENDERS, SENDERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().daemon().name("metalkube-events-" + component).factory(), (task, pool) -> {
                    long n = dropped.incrementAndGet();
                    if (n == 1 || n % 1_000 == 0) {
                        LOG.log(Level.WARNING, () -> n + " event(s) dropped: more than " + QUEUE + " waiting to be sent");
                    }
                });
        sender.allowCoreThreadTimeOut(true); // an idle sender thread goes away
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }


    /** Remembers an object's uid, so that events link to it (kubectl describe matches on uid). */
    void remember(String kind, String namespace, String name, String uid) {
        if (uid != null) {
            uids.put(kind + "/" + namespace + "/" + name, uid);
        }
    }

    @Override
    public void publish(HostId host, HostEvent event) {
        emit(BareMetalHost.API_VERSION, BareMetalHost.KIND, host.namespace(), host.name(), event);
    }

    public void publish(MachineId machine, HostEvent event) {
        emit(Machine.API_VERSION, Machine.KIND, machine.namespace(), machine.name(), event);
    }

    private void emit(String apiVersion, String kind, String namespace, String name, HostEvent event) {
        Instant now = clock.instant();
        String time = now.toString();
        String eventName = name + "." + Long.toHexString(now.toEpochMilli()) + Long.toHexString(sequence.incrementAndGet());
        var e = new EventBuilder()
                .withNewMetadata().withName(eventName.toLowerCase(Locale.ROOT)).withNamespace(namespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withNamespace(namespace)
                        .withName(name).withUid(uids.get(kind + "/" + namespace + "/" + name)).build())
                .withType(event.severity() == HostEvent.Severity.WARNING ? "Warning" : "Normal")
                .withReason(event.reason())
                .withMessage(event.message())
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component)
                .withFirstTimestamp(time).withLastTimestamp(time).withCount(1)
                .build();
        sender.execute(() -> {
            try {
                client.v1().events().inNamespace(namespace).resource(e).create();
            } catch (KubernetesClientException ex) {
                LOG.log(Level.WARNING, () -> "could not record event " + event.reason() + " on " + kind + " " + namespace + "/" + name
                        + ": HTTP " + ex.getCode() + " " + ex.getMessage());
            }
        });
    }
}
