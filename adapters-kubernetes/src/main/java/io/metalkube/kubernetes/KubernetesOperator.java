package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.kubernetes.controller.BareMetalHostController;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.controller.MachineController;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.store.KubernetesMachineStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * Driving side: java-operator-sdk with two controllers (BareMetalHost, Machine) that call the use cases.
 * JOSDK owns the work queue, retries and informers; server-side apply is off (the use cases write through the
 * ports with plain PUT/JSON patch). Optional Lease-based leader election; watched namespaces from the settings.
 */
public final class KubernetesOperator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KubernetesOperator.class.getName());
    static final int RECONCILE_THREADS = 20;
    /**
     * System property: true lets java-operator-sdk patch the primary resources (the finalizer) with server-side apply
     * instead of a JSON patch. Off: measured on kube-lite it bought nothing and costs the CRUD mock (demo) its
     * finalizers (docs/decisions/0011-server-side-apply.md; bench.ServerSideApplyBench).
     */
    public static final String SERVER_SIDE_APPLY = "metalkube.kubernetes.serverSideApply";

    private final Operator operator;
    private final KubernetesSettings settings;
    private final InformerCaches caches;
    private volatile boolean started;
    private volatile boolean closed;

    public KubernetesOperator(KubernetesClient client, KubernetesSettings settings, ReconcileHostUseCase hosts,
                              ReconcileMachineUseCase machines) {
        this.settings = settings;
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(Boolean.getBoolean(SERVER_SIDE_APPLY))
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false)
                    .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                    .withReconciliationTerminationTimeout(Duration.ofSeconds(5));
            settings.leaderElection().ifPresent(lease -> o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(lease.leaseName())
                            .withLeaseNamespace(lease.leaseNamespace())
                            .withIdentity(lease.identity())
                            // false: losing the lease (or close()) must not System.exit the JVM; the process's
                            // readiness turns false instead (isRunning) and Kubernetes restarts it if configured so.
                            .withExitOnStopLeading(false)
                            .build()));
        });
        KubernetesEvents events = new KubernetesEvents(client, settings.operatorName(), Clock.systemUTC());
        KubernetesHostStore store = new KubernetesHostStore(client, settings, Clock.systemUTC(), events);
        // the controllers' informer caches serve the stores' reads (KubernetesPorts on the same client) once started
        this.caches = InformerCaches.of(client);
        operator.register(new BareMetalHostController(hosts, store, events, caches, this),
                (ControllerConfigurationOverrider<BareMetalHost> c) -> configure(c, "baremetalhost", KubernetesHostStore.FINALIZER));
        operator.register(new MachineController(machines, events, caches, this),
                (ControllerConfigurationOverrider<Machine> c) -> configure(c, "machine", KubernetesMachineStore.FINALIZER));
    }

    private <P extends HasMetadata> void configure(ControllerConfigurationOverrider<P> c, String name, String finalizer) {
        c.withName(settings.operatorName() + "-" + name)
                .withFinalizer(finalizer)
                // annotations (paused, reboot, detached, inspect) do not bump metadata.generation: react to every change
                .withGenerationAware(false)
                .withFieldManager(settings.operatorName())
                // an API error thrown out of a reconcile is retried with backoff for as long as it lasts: JOSDK's
                // default gives up after 5 attempts, which would leave a host unreconciled until its next event
                .withRetry(new GenericRetry().setInitialInterval(Duration.ofSeconds(1)).setIntervalMultiplier(2)
                        .setMaxInterval(Duration.ofMinutes(2).toMillis()).withoutMaxAttempts())
                // safety net: every object is reconciled at least this often even if an event was lost
                .withReconciliationMaxInterval(Duration.ofMinutes(10));
        if (settings.watchesAllNamespaces()) {
            c.watchingAllNamespaces();
        } else {
            c.settingNamespaces(settings.namespaces());
        }
    }

    /**
     * Starts informers and controllers (with leader election: starts campaigning). Returns once caches synced.
     *
     * @throws OperatorStartException naming what the API server refused (a missing permission, an unserved resource)
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this operator was closed; create a new one");
        }
        try {
            operator.start();
        } catch (RuntimeException e) {
            try {
                operator.stop(); // informers and threads a failed start left running
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw OperatorStartException.explain(e, settings);
        }
        caches.startServing(this);
        started = true;
        LOG.log(Level.INFO, () -> "operator " + settings.operatorName() + " started, watching "
                + (settings.watchesAllNamespaces() ? "all namespaces" : "namespaces " + settings.namespaces()));
    }

    /** True while started, not closed and every informer is healthy (for a readiness probe). */
    public boolean isRunning() {
        return started && !closed && operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        caches.stopServing(this);
        if (started) {
            operator.stop();
        }
    }
}
