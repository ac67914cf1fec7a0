package io.metalkube.kubernetes.controller;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.ObjectReference;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import io.metalkube.kubernetes.store.KubernetesEvents;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Driving adapter: the Machine actuator for one flavour of Machine ({@link MachineController} for cluster.k8s.io,
 * {@link OpenShiftMachineController} for machine.openshift.io). Hands each Machine to its ReconcileMachine use case.
 * Hosts are a secondary source: a change to a host whose consumerRef names a Machine of this flavour (kind and
 * apiVersion) reconciles that Machine, so its status follows the host without waiting for the next poll; a change to
 * an unclaimed host reconciles the Machines of its namespace that are waiting for a host, so a host that becomes
 * available is claimed at once instead of on the next retry. A host consumed by the other flavour is never mapped here.
 */
abstract class MachineReconciler<M extends CustomResource<?, ?>> implements Reconciler<M>, Cleaner<M> {

    /** How soon a Machine that could not be read (or whose host could not be) is tried again without a change. */
    static final Duration UNREADABLE_RETRY = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(MachineReconciler.class.getName());

    private final ReconcileMachineUseCase machines;
    private final KubernetesEvents events;
    private final Class<M> type;
    private final String apiVersion;
    private final String kind;
    private final Map<MachineId, String> reported = new ConcurrentHashMap<>();

    MachineReconciler(ReconcileMachineUseCase machines, KubernetesEvents events, Class<M> type, String apiVersion, String kind) {
        this.machines = machines;
        this.events = events;
        this.type = type;
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    abstract MachineId id(M machine);

    abstract boolean waitingForHost(M machine);

    /** Shares this controller's primary cache with the flavour's Machine store. */
    abstract void bindCache(IndexerResourceCache<M> cache);

    /** True when {@code ref} names a Machine of this flavour (an unset apiVersion is taken as this flavour's only if it accepts it). */
    abstract boolean names(ObjectReference ref);

    final boolean sameType(ObjectReference ref, boolean acceptUnsetApiVersion) {
        return kind.equals(ref.kind) && (apiVersion.equals(ref.apiVersion)
                || acceptUnsetApiVersion && (ref.apiVersion == null || ref.apiVersion.isEmpty()));
    }

    @Override
    public List<EventSource<?, M>> prepareEventSources(EventSourceContext<M> context) {
        var config = InformerEventSourceConfiguration.from(BareMetalHost.class, type)
                .withName("consumed-hosts")
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCache.consumerRefsOnly(context.getControllerConfiguration().getEffectiveNamespaces()))
                .withSecondaryToPrimaryMapper(host -> {
                    var ref = host.getSpec() == null ? null : host.getSpec().consumerRef;
                    if (ref == null) {
                        return context.getPrimaryCache().list(host.getMetadata().getNamespace(), this::waitingForHost)
                                .map(ResourceID::fromResource).collect(Collectors.toSet());
                    }
                    if (ref.name == null || !names(ref)) {
                        return Set.of();
                    }
                    String ns = ref.namespace == null || ref.namespace.isEmpty() ? host.getMetadata().getNamespace() : ref.namespace;
                    return Set.of(new ResourceID(ref.name, ns));
                })
                .build();
        bindCache(context.getPrimaryCache());
        return List.of(new InformerEventSource<>(config, context));
    }

    @Override
    public UpdateControl<M> reconcile(M machine, Context<M> context) {
        try {
            UpdateControl<M> control = Controls.update(machines.reconcile(id(machine)));
            reported.remove(id(machine));
            return control;
        } catch (UnreadableFieldException e) {
            return UpdateControl.<M>noUpdate().rescheduleAfter(unreadable(machine, e).toMillis());
        }
    }

    @Override
    public DeleteControl cleanup(M machine, Context<M> context) {
        try {
            return Controls.delete(machines.reconcile(id(machine)));
        } catch (UnreadableFieldException e) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(unreadable(machine, e).toMillis());
        }
    }

    /**
     * The Machine, or a host it needs, cannot be read: a Warning event on the Machine (once per distinct problem)
     * and a slow retry, never an exception for JOSDK to log on every attempt. A fix to either object is a change
     * that reconciles the Machine at once (hosts are a secondary source).
     */
    private Duration unreadable(M machine, UnreadableFieldException e) {
        MachineId id = id(machine);
        String message = "cannot read " + e.getMessage() + " (fix it to continue)";
        if (!message.equals(reported.put(id, message))) {
            LOG.log(Level.WARNING, () -> kind + " " + id.namespace() + "/" + id.name() + " (" + apiVersion + "): " + message);
            events.publish(apiVersion, kind, id, HostEvent.warning(UnreadableHostGuard.REASON, message));
        }
        return UNREADABLE_RETRY;
    }
}
