package io.metalkube.bootstrap.wiring;

import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.application.port.out.ProvisioningCapacity;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.bootstrap.config.DefaultImageSetting;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.bootstrap.metrics.BackendReachability;
import io.metalkube.bootstrap.metrics.HostStateGauges;
import io.metalkube.bootstrap.metrics.Metal3Metrics;
import io.metalkube.bootstrap.metrics.MeteredBackend;
import io.metalkube.bootstrap.metrics.TimedReconciles;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.metalkube.kubernetes.LeaseFence;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the application's use cases from the ports: the back-end measured by {@link MeteredBackend}, the use
 * cases measured by {@link TimedReconciles}, and metal3's series beside ours by {@link Metal3Metrics}. The stores come from the Kubernetes adapter ({@link KubernetesFactory}).
 */
@Factory
public class ServicesFactory {

    /** Unavailable outcomes in a row before /health and metalkube_backend_reachable report the back-end unreachable. */
    static final int UNREACHABLE_AFTER = 3;

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    BackendReachability backendReachability(Clock clock, SiteBackend site, MeterRegistry registry) {
        BackendReachability reachability = new BackendReachability(clock, UNREACHABLE_AFTER);
        reachability.bindTo(registry, site.backend().name());
        return reachability;
    }

    /**
     * The site's back-end, measured, and behind the Lease fence when there is a Kubernetes client (not in the
     * "memory" environment): a replica that lost the leader Lease calls nothing (refused calls are not measured).
     */
    @Singleton
    @Named("metered")
    Backend meteredBackend(SiteBackend site, MeterRegistry registry, BackendReachability reachability, Metal3Metrics metal3,
                           @Nullable LeaseFence fence) {
        Backend metered = metal3.backend(MeteredBackend.wrap(site.backend(), registry, reachability));
        return fence == null ? metered : fence.guard(metered);
    }

    @Singleton
    ProvisioningCapacity capacity(SiteBackend site, HostStore hosts, MetalkubeSettings settings, Clock clock) {
        return site.capacity().orElseGet(() -> new StateCountingCapacity(hosts, settings.getProvisioningLimit(), clock));
    }

    @Singleton
    ReconcileHostUseCase reconcileHost(HostStore hosts, CredentialsLookup credentials, ProvisioningCapacity capacity,
                                       @Named("metered") Backend backend, HostEventSink events, Clock clock,
                                       MeterRegistry registry, Metal3Metrics metal3) {
        HostReconciler reconciler = new HostReconciler(metal3.statusWrites(hosts), metal3.credentials(credentials), capacity,
                new OperationRunner(backend), events, new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        return TimedReconciles.hosts(metal3.reconciles(reconciler), registry);
    }

    /** metal3's metric series (metrics.go), beside ours. */
    @Singleton
    Metal3Metrics metal3Metrics(MeterRegistry registry) {
        return new Metal3Metrics(registry);
    }

    @Singleton
    ReconcileMachineUseCase reconcileMachine(MachineStore machines, HostStore hosts, MeterRegistry registry,
                                             MetalkubeSettings.Machines.DefaultImage defaultImage) {
        MachineClaimer claimer = new MachineClaimer(machines, hosts, HostClaims.standard(),
                DefaultImageSetting.image(defaultImage).orElse(null));
        registry.more().counter("metalkube.claim.conflicts", List.of(), claimer, MachineClaimer::conflicts);
        return TimedReconciles.machines(claimer, registry);
    }

    @Context
    HostStateGauges hostStateGauges(HostStore hosts, Clock clock, MeterRegistry registry) {
        HostStateGauges gauges = new HostStateGauges(hosts, clock, Duration.ofSeconds(5));
        gauges.bindTo(registry);
        return gauges;
    }
}
