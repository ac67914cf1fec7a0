package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.kubernetes.controller.BareMetalHostController;
import io.metalkube.kubernetes.controller.LeanCache;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.controller.MachineController;
import io.metalkube.kubernetes.controller.OpenShiftMachineController;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import io.metalkube.kubernetes.store.OpenShiftMachineStore;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.store.KubernetesMachineStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Driving side: java-operator-sdk with two controllers (BareMetalHost, Machine) that call the use cases.
 * JOSDK owns the work queue, retries and informers; it writes only the finalizer, with server-side apply unless the
 * settings say the server lacks it (the use cases write everything else through the ports: PUT and JSON patch).
 * Optional Lease-based leader election with the configured timings: a replica that loses the Lease stops acting at once ({@link LeaseFence}) and then exits or stops ({@link LeaseSettings#onLoss()});
 * watched namespaces from the settings.
 */
public final class KubernetesOperator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KubernetesOperator.class.getName());
    static final int RECONCILE_THREADS = 20;

    /** Where this instance stands in leader election. */
    public enum Leadership {
        /** No leader election configured: this instance always acts. */
        NOT_ELECTED,
        /** Waiting for the Lease; caches warm, nothing reconciled. */
        FOLLOWING,
        /** Holds the Lease and reconciles. */
        LEADING,
        /** Held the Lease and lost it: acts on nothing any more ({@link LeaseFence}), then exits or stops. */
        LOST
    }

    private final Operator operator;
    private final KubernetesSettings settings;
    private final InformerCaches caches;
    private final LeaseFence fence;
    /** Changed by fabric8's election threads only through compare-and-set: they hold the elector's lock, close() holds ours. */
    private final AtomicReference<Leadership> leadership = new AtomicReference<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("metalkube-lease-watchdog").unstarted(r));
    private volatile boolean started;
    private volatile boolean closed;
    private final KubernetesClient client;
    private final KubernetesEvents events;
    private ReconcileMachineUseCase openShiftMachines;
    private boolean openShiftRequired;
    private volatile boolean openShiftServed;

    public KubernetesOperator(KubernetesClient client, KubernetesSettings settings, ReconcileHostUseCase hosts,
                              ReconcileMachineUseCase machines) {
        this.settings = settings;
        this.client = client;
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false)
                    .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                    .withReconciliationTerminationTimeout(Duration.ofSeconds(5));
            settings.leaderElection().ifPresent(lease -> o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(lease.leaseName())
                            .withLeaseNamespace(lease.leaseNamespace())
                            .withIdentity(lease.identity())
                            .withLeaseDuration(lease.leaseDuration())
                            .withRenewDeadline(lease.renewDeadline())
                            .withRetryPeriod(lease.retryPeriod())
                            .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader))
                            // false: JOSDK would exit before anything is fenced, and on close() too; leaseLost() fences
                            // first and then exits (or stops) as the settings say
                            .withExitOnStopLeading(false)
                            .build()));
        });
        this.fence = LeaseFence.of(client);
        this.leadership.set(settings.leaderElection().isPresent() ? Leadership.FOLLOWING : Leadership.NOT_ELECTED);
        this.events = new KubernetesEvents(client, settings.operatorName(), reportingInstance(settings), Clock.systemUTC());
        KubernetesHostStore store = new KubernetesHostStore(client, settings, Clock.systemUTC(), events);
        // the controllers' informer caches serve the stores' reads (KubernetesPorts on the same client) once started
        this.caches = InformerCaches.of(client);
        operator.register(new BareMetalHostController(hosts, store, events, caches, this),
                // the host controller holds its finalizer itself (never on a paused host): JOSDK calls it for every event
                (ControllerConfigurationOverrider<BareMetalHost> c) -> configure(c, "baremetalhost", KubernetesHostStore.FINALIZER)
                        .withTriggerReconcilerOnAllEvents(true));
        operator.register(new MachineController(machines, events, caches, this),
                (ControllerConfigurationOverrider<Machine> c) -> configure(c, "machine", KubernetesMachineStore.FINALIZER));
    }

    private <P extends HasMetadata> ControllerConfigurationOverrider<P> configure(ControllerConfigurationOverrider<P> c, String name,
                                                                                 String finalizer) {
        c.withName(settings.operatorName() + "-" + name)
                .withFinalizer(finalizer)
                .withItemStore(LeanCache.<P>store(settings.namespaces()))
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
        return c;
    }

    /**
     * Also serves OpenShift's machine.openshift.io/v1beta1 Machines with {@code machines} (a claimer over
     * {@code KubernetesPorts.openShiftMachines()}), decided at {@link #start()}: served when the API server serves that
     * type (its CRD is optional); when it does not, the operator starts without them ({@code required} false) or
     * refuses to start, saying so ({@code required} true). Call before start.
     */
    public synchronized KubernetesOperator serveOpenShiftMachines(ReconcileMachineUseCase machines, boolean required) {
        if (started) {
            throw new IllegalStateException("serveOpenShiftMachines must be called before start()");
        }
        this.openShiftMachines = machines;
        this.openShiftRequired = required;
        return this;
    }

    /** True when this operator watches machine.openshift.io Machines (decided at start). */
    public boolean servesOpenShiftMachines() {
        return openShiftServed;
    }

    private void registerOpenShiftMachinesIfServed() {
        if (openShiftMachines == null || openShiftServed) {
            return;
        }
        if (!client.supports(OpenShiftMachine.class)) {
            String why = "the API server does not serve " + OpenShiftMachine.API_VERSION + " Machines (install deploy/openshift, or "
                    + "OpenShift's Machine API)";
            if (openShiftRequired) {
                throw new OperatorStartException("operator " + settings.operatorName() + " cannot start: " + why
                        + "; metalkube.kubernetes.openshift-machines is enabled: install the CRD, or set it to auto or disabled", null);
            }
            LOG.log(Level.INFO, () -> why + ": not watching them; restart the operator after installing the CRD");
            return;
        }
        operator.register(new OpenShiftMachineController(openShiftMachines, events, caches, this),
                (ControllerConfigurationOverrider<OpenShiftMachine> c) -> configure(c, "openshift-machine", OpenShiftMachineStore.FINALIZER));
        openShiftServed = true;
        LOG.log(Level.INFO, () -> "serving " + OpenShiftMachine.API_VERSION + " Machines too");
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
        registerOpenShiftMachinesIfServed();
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

    /** True while started, not closed, the Lease not lost and every informer healthy (for a readiness probe). */
    public boolean isRunning() {
        return started && !closed && leadership.get() != Leadership.LOST && operator.getRuntimeInfo().isStarted()
                && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    /** True once closed: by {@link #close()}, or by itself after losing the Lease ({@link LeaseSettings.OnLeaseLoss#STOP}). */
    public boolean isStopped() {
        return closed;
    }

    public Leadership leadership() {
        return leadership.get();
    }

    private void startedLeading() {
        leadership.compareAndSet(Leadership.FOLLOWING, Leadership.LEADING);
        LOG.log(Level.INFO, () -> "this replica (" + identity() + ") holds the leader Lease and reconciles");
        LeaseSettings lease = settings.leaderElection().orElseThrow();
        fence.watchRenewalsOf(lease.leaseNamespace(), lease.leaseName());
        long every = Math.max(50, lease.retryPeriod().toMillis() / 2);
        watchdog.scheduleWithFixedDelay(() -> checkRenewal(lease), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The renew deadline, enforced here: fabric8 checks it only between attempts, and one attempt can hang in the
     * client's connection retries (10 by default, with backoff) for longer than the Lease lasts, so that a leader cut
     * off from the API server would still act after a follower took over.
     */
    private void checkRenewal(LeaseSettings lease) {
        if (leadership.get() == Leadership.LEADING && fence.nanosSinceRenewal() > lease.renewDeadline().toNanos()) {
            leaseLost("the API server accepted no renewal of the Lease for " + lease.renewDeadline()
                    + " (unreachable, or another replica took it)");
        }
    }

    /** fabric8 reports every new holder it observes; a leader that sees another holder stops at once. */
    private void newLeader(String holder) {
        LOG.log(Level.INFO, () -> "leader Lease held by " + holder);
        if (leadership.get() == Leadership.LEADING && !identity().equals(holder)) {
            leaseLost("the Lease is now held by " + holder);
        }
    }

    private void stoppedLeading() {
        if (!closed) {
            leaseLost("the Lease could not be renewed within " + settings.leaderElection().orElseThrow().renewDeadline()
                    + " (API server unreachable, or another replica took it)");
        }
    }

    /**
     * The Lease is gone while this replica still ran: fence first (nothing is written or called from now on, not
     * even by reconciles already running), then exit the process or stop the operator as configured.
     */
    private void leaseLost(String reason) {
        // no lock: this runs on fabric8's election thread, which holds the elector's monitor that close() waits for
        if (closed || !leadership.compareAndSet(Leadership.LEADING, Leadership.LOST)) {
            return;
        }
        LeaseSettings lease = settings.leaderElection().orElseThrow();
        fence.close("replica " + lease.identity() + " lost the leader Lease " + lease.leaseNamespace() + "/" + lease.leaseName()
                + ": " + reason);
        switch (lease.onLoss()) {
            case EXIT -> {
                LOG.log(Level.ERROR, () -> "leader Lease lost (" + reason + "); exiting so that Kubernetes restarts this replica as a follower");
                Thread.ofPlatform().name("metalkube-lease-lost").start(() -> System.exit(1));
            }
            case STOP -> {
                LOG.log(Level.ERROR, () -> "leader Lease lost (" + reason + "); the operator stops and reports not ready");
                Thread.ofPlatform().name("metalkube-lease-lost").start(this::close);
            }
        }
    }

    private String identity() {
        return settings.leaderElection().map(LeaseSettings::identity).orElse("");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        caches.stopServing(this);
        if (started) {
            operator.stop();
        }
    }

    /** The instance that reports this operator's Events: its Lease identity (the pod name), else the host name. */
    static String reportingInstance(KubernetesSettings settings) {
        return settings.leaderElection().map(LeaseSettings::identity).orElseGet(KubernetesEvents::localInstance);
    }
}
