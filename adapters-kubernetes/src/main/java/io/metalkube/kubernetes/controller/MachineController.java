package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.mapping.MachineMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.store.InformerCaches;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Driving adapter: the Machine actuator controller. Hands each Machine to the ReconcileMachine use case. Hosts are
 * a secondary source: a change to a host whose consumerRef names a Machine reconciles that Machine, so its status
 * (phase, addresses) follows the host without waiting for the next poll; a change to an unclaimed host reconciles
 * the Machines of its namespace that are waiting for a host (status.errorReason NoHostAvailable), so a host that
 * becomes available is claimed at once instead of on the next retry.
 */
public final class MachineController implements Reconciler<Machine>, Cleaner<Machine> {

    /** MachineClaimer's errorReason while no host matches. */
    static final String NO_HOST = "NoHostAvailable";

    /** How soon a Machine that could not be read (or whose host could not be) is tried again without a change. */
    static final Duration UNREADABLE_RETRY = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(MachineController.class.getName());

    private final ReconcileMachineUseCase machines;
    private final InformerCaches caches;
    private final Object owner;
    private final KubernetesEvents events;
    private final Map<MachineId, String> reported = new ConcurrentHashMap<>();

    /** {@code caches}/{@code owner}: this controller's primary (Machine) cache is shared with the Machine store. */
    public MachineController(ReconcileMachineUseCase machines, KubernetesEvents events, InformerCaches caches, Object owner) {
        this.machines = machines;
        this.events = events;
        this.caches = caches;
        this.owner = owner;
    }

    @Override
    public List<EventSource<?, Machine>> prepareEventSources(EventSourceContext<Machine> context) {
        var config = InformerEventSourceConfiguration.from(BareMetalHost.class, Machine.class)
                .withName("consumed-hosts")
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(host -> {
                    var ref = host.getSpec() == null ? null : host.getSpec().consumerRef;
                    if (ref == null) {
                        return context.getPrimaryCache().list(host.getMetadata().getNamespace(), MachineController::waitingForHost)
                                .map(ResourceID::fromResource).collect(Collectors.toSet());
                    }
                    if (!Machine.KIND.equals(ref.kind) || ref.name == null) {
                        return Set.of();
                    }
                    String ns = ref.namespace == null || ref.namespace.isEmpty() ? host.getMetadata().getNamespace() : ref.namespace;
                    return Set.of(new ResourceID(ref.name, ns));
                })
                .build();
        caches.bindMachines(owner, context.getPrimaryCache());
        return List.of(new InformerEventSource<>(config, context));
    }

    static boolean waitingForHost(Machine m) {
        return m.getStatus() != null && NO_HOST.equals(m.getStatus().errorReason);
    }

    @Override
    public UpdateControl<Machine> reconcile(Machine machine, Context<Machine> context) {
        try {
            UpdateControl<Machine> control = Controls.update(machines.reconcile(MachineMapper.id(machine)));
            reported.remove(MachineMapper.id(machine));
            return control;
        } catch (UnreadableFieldException e) {
            return UpdateControl.<Machine>noUpdate().rescheduleAfter(unreadable(machine, e).toMillis());
        }
    }

    @Override
    public DeleteControl cleanup(Machine machine, Context<Machine> context) {
        try {
            return Controls.delete(machines.reconcile(MachineMapper.id(machine)));
        } catch (UnreadableFieldException e) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(unreadable(machine, e).toMillis());
        }
    }

    /**
     * The Machine, or a host it needs, cannot be read: a Warning event on the Machine (once per distinct problem)
     * and a slow retry, never an exception for JOSDK to log on every attempt. A fix to either object is a change
     * that reconciles the Machine at once (hosts are a secondary source).
     */
    private Duration unreadable(Machine machine, UnreadableFieldException e) {
        MachineId id = MachineMapper.id(machine);
        String message = "cannot read " + e.getMessage() + " (fix it to continue)";
        if (!message.equals(reported.put(id, message))) {
            LOG.log(Level.WARNING, () -> "Machine " + id.namespace() + "/" + id.name() + ": " + message);
            events.publish(id, HostEvent.warning(UnreadableHostGuard.REASON, message));
        }
        return UNREADABLE_RETRY;
    }
}
