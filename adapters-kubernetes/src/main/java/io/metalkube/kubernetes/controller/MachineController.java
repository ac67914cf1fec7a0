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
import io.metalkube.kubernetes.store.InformerCaches;

import java.util.List;
import java.util.Set;
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

    private final ReconcileMachineUseCase machines;
    private final InformerCaches caches;
    private final Object owner;

    /** {@code caches}/{@code owner}: this controller's primary (Machine) cache is shared with the Machine store. */
    public MachineController(ReconcileMachineUseCase machines, InformerCaches caches, Object owner) {
        this.machines = machines;
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
        return Controls.update(machines.reconcile(MachineMapper.id(machine)));
    }

    @Override
    public DeleteControl cleanup(Machine machine, Context<Machine> context) {
        return Controls.delete(machines.reconcile(MachineMapper.id(machine)));
    }
}
