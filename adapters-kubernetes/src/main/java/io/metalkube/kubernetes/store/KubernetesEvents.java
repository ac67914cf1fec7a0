package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.support.Json;

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
 * BareMetalHost or Machine, so {@code kubectl describe} shows transitions and errors. Recorded as client-go's event
 * recorder records them: correlated ({@link EventCorrelator}: a repeat raises the count of the Event already there; a
 * flood of similar ones is combined), carrying the reporting controller (component) and instance (the pod), and sent by
 * background senders from bounded queues, so a reconcile never waits for one (under the client's rate limit they have
 * their own budget, see ApiRateLimiter); when the queue is full an event is dropped and counted; a failed event write is
 * logged, never fails the reconcile. The correlation is decided in the caller's thread, in publishing order.
 */
public final class KubernetesEvents implements HostEventSink {

    private static final System.Logger LOG = System.getLogger(KubernetesEvents.class.getName());

    private final KubernetesClient client;
    private final String component;
    private final String instance;
    private final Clock clock;
    private final EventCorrelator correlator = new EventCorrelator();
    private final Map<String, String> uids = new ConcurrentHashMap<>();
    /** Random start, so that two operator instances never pick the same event name in the same millisecond. */
    private final AtomicLong sequence = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40));

    /** Events waiting to be sent, as client-go's broadcaster queue (1,000). */
    static final int QUEUE = 1_000;
    /** Events in flight at once: a slow API server (each POST a round trip) must not make the queue overflow. */
    static final int SENDERS = 4;

    /** One lane per sender: the writes of one Event (its POST, then its count updates) go through one lane, in order. */
    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[SENDERS];
    private final AtomicLong dropped = new AtomicLong();

    /** Events reported by {@code component}, from the instance named by this machine's host name (the pod name). */
    public KubernetesEvents(KubernetesClient client, String component, Clock clock) {
        this(client, component, localInstance(), clock);
    }

    public KubernetesEvents(KubernetesClient client, String component, String instance, Clock clock) {
        this.client = client;
        this.component = component;
        this.instance = instance;
        this.clock = clock;
        for (int i = 0; i < SENDERS; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE / SENDERS),
                    Thread.ofPlatform().daemon().name("metalkube-events-" + component + "-" + i).factory(), (task, pool) -> {
                        long n = dropped.incrementAndGet();
                        if (n == 1 || n % 1_000 == 0) {
                            LOG.log(Level.WARNING, () -> n + " event(s) dropped: more than " + QUEUE + " waiting to be sent");
                        }
                    });
            lanes[i].allowCoreThreadTimeOut(true); // an idle sender thread goes away
        }
    }

    /** The reporting instance: the pod's name (HOSTNAME in a pod), else this machine's host name. */
    public static String localInstance() {
        String hostname = System.getenv("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Remembers an object's uid, so that events link to it (kubectl describe matches on uid). */
    void remember(String apiVersion, String kind, String namespace, String name, String uid) {
        if (uid != null) {
            uids.put(apiVersion + "/" + kind + "/" + namespace + "/" + name, uid);
        }
    }

    @Override
    public void publish(HostId host, HostEvent event) {
        emit(BareMetalHost.API_VERSION, BareMetalHost.KIND, host.namespace(), host.name(), event);
    }

    public void publish(MachineId machine, HostEvent event) {
        publish(Machine.API_VERSION, Machine.KIND, machine, event);
    }

    /** An event on a consumer object of the given type (the two Machine flavours share names, not objects). */
    public void publish(String apiVersion, String kind, MachineId object, HostEvent event) {
        emit(apiVersion, kind, object.namespace(), object.name(), event);
    }

    private void emit(String apiVersion, String kind, String namespace, String name, HostEvent event) {
        Instant now = clock.instant();
        String time = now.toString();
        String uid = uids.get(apiVersion + "/" + kind + "/" + namespace + "/" + name);
        String object = kind + "/" + namespace + "/" + name + "/" + uid;
        String type = event.severity() == HostEvent.Severity.WARNING ? "Warning" : "Normal";
        EventCorrelator.Decision decision = correlator.decide(object, type, event.reason(), event.message(), now);
        String eventName;
        int count;
        String first;
        if (decision instanceof EventCorrelator.Update update) {
            eventName = update.name();
            count = update.count();
            first = update.firstTimestamp();
        } else {
            eventName = (name + "." + Long.toHexString(now.toEpochMilli()) + Long.toHexString(sequence.incrementAndGet())).toLowerCase(Locale.ROOT);
            count = 1;
            first = time;
        }
        correlator.written(object, type, event.reason(), event.message(), decision, eventName, first);
        var e = new EventBuilder()
                .withNewMetadata().withName(eventName).withNamespace(namespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withNamespace(namespace)
                        .withName(name).withUid(uid).build())
                .withType(type)
                .withReason(event.reason())
                .withMessage(decision.message())
                .withNewSource().withComponent(component).withHost(instance).endSource()
                .withReportingComponent(component)
                .withReportingInstance(instance)
                .withFirstTimestamp(first).withLastTimestamp(time).withCount(count)
                .build();
        lanes[Math.floorMod(eventName.hashCode(), SENDERS)].execute(() -> {
            try {
                write(namespace, e, count > 1);
            } catch (KubernetesClientException ex) {
                LOG.log(Level.WARNING, () -> "could not record event " + event.reason() + " on " + kind + " " + namespace + "/" + name
                        + ": HTTP " + ex.getCode() + " " + ex.getMessage());
            } catch (IllegalStateException ex) { // fabric8: "Client already closed" — an Event still queued when the operator stops
                LOG.log(Level.INFO, () -> "event " + event.reason() + " on " + kind + " " + namespace + "/" + name
                        + " not recorded: the Kubernetes client is closed (" + ex.getMessage() + ")");
            }
        });
    }

    /**
     * A repeat PATCHes count, lastTimestamp and message of the Event already there; if it is not there (expired, or its
     * POST failed) it is created, and if that finds it there after all, patched again.
     */
    private void write(String namespace, io.fabric8.kubernetes.api.model.Event e, boolean repeat) {
        var events = client.v1().events().inNamespace(namespace);
        String patch = Json.tree(Map.of("count", e.getCount(), "lastTimestamp", e.getLastTimestamp(), "message", e.getMessage())).toString();
        if (repeat && patched(namespace, e.getMetadata().getName(), patch)) {
            return;
        }
        try {
            events.resource(e).create();
        } catch (KubernetesClientException ex) {
            if (ex.getCode() != 409 || !patched(namespace, e.getMetadata().getName(), patch)) {
                throw ex;
            }
        }
    }

    private boolean patched(String namespace, String name, String patch) {
        try {
            client.v1().events().inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            return true;
        } catch (KubernetesClientException ex) {
            if (ex.getCode() == 404) {
                return false;
            }
            throw ex;
        }
    }
}
