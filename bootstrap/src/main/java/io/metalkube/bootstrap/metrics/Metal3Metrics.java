package io.metalkube.bootstrap.metrics;

import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationHistory;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.StatusChange;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.metalkube.domain.lifecycle.Effect;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * metal3's own series, beside ours, with the names and labels of baremetal-operator's
 * internal/controller/metal3.io/metrics.go, so that a metal3 user's dashboards and alerts keep working. Produced by
 * decorating the same ports our own metrics decorate: the host use case (reconciles), the back-end (power changes,
 * management access), the credentials lookup, and the host store's status writes (state changes, errors, delays,
 * operation durations — what changed is the domain's {@link StatusChange}).
 * <p>
 * Counters without labels exist from the start (0, as in metal3); labelled ones appear with their first event.
 * metal3's spelling is kept, including the double underscore of {@code metal3_delayed__provisioning_total}.
 */
public final class Metal3Metrics {

    /** metal3's slowOperationBuckets, in seconds (inspect, provision, deprovision). */
    static final double[] SLOW_OPERATION_BUCKETS = {30, 90, 180, 360, 720, 1440};
    /** Prometheus' default buckets (prometheus.DefBuckets), which metal3's registration histogram uses. */
    static final double[] DEFAULT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final MeterRegistry registry;
    private final Counter reconcileErrors;
    private final Counter credentialsMissing;
    private final Counter credentialsInvalid;
    private final Counter credentialsUnhandled;
    private final Counter credentialsUpdated;
    private final Counter noManagementAccess;
    private final Counter provisionerNotReady;

    public Metal3Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.reconcileErrors = counter("metal3_reconcile_error", "The number of times the operator has failed to reconcile a host");
        this.credentialsMissing = counter("metal3_credentials_missing", "Number of times a host's credentials are found to be missing");
        this.credentialsInvalid = counter("metal3_credentials_invalid", "Number of times a host's credentials are found to be invalid");
        this.credentialsUnhandled = counter("metal3_credentials_unhandled_error",
                "Number of times getting a host's credentials fails in an unexpected way");
        this.credentialsUpdated = counter("metal3_credentials_updated", "Number of times a host's credentials change");
        this.noManagementAccess = counter("metal3_credentials_no_management_access",
                "Number of times a host management interface is unavailable");
        this.provisionerNotReady = counter("metal3_provisioner_not_ready", "Number of times a host is not provision ready");
    }

    /** {@code metal3_reconcile_total{namespace,host}} per reconcile; {@code metal3_reconcile_error_total} when one throws. */
    public ReconcileHostUseCase reconciles(ReconcileHostUseCase delegate) {
        return (HostId id) -> {
            Counter.builder("metal3_reconcile").description("The number of times hosts have been reconciled")
                    .tags("namespace", id.namespace(), "host", id.name()).register(registry).increment();
            try {
                return delegate.reconcile(id);
            } catch (RuntimeException e) {
                reconcileErrors.increment();
                throw e;
            }
        };
    }

    /**
     * {@code metal3_operation_power_change_total{namespace,host,on_off}} for each power change the back-end accepted
     * (a reboot counts as off and on, as metal3's off-then-on does), and
     * {@code metal3_credentials_no_management_access_total} when a registration could not reach the back-end, and
     * {@code metal3_provisioner_not_ready_total} for every call the back-end did not answer (metal3 counts the
     * reconciles that found Ironic not ready).
     */
    public Backend backend(Backend backend) {
        return backend.around(this::observe);
    }

    private Outcome observe(Operation op, Supplier<Outcome> call) {
        Outcome outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException e) {
            provisionerNotReady.increment();
            if (op instanceof Operation.Register) {
                noManagementAccess.increment();
            }
            throw e;
        }
        boolean accepted = !(outcome instanceof Outcome.Failed) && !(outcome instanceof Outcome.Unavailable);
        if (outcome instanceof Outcome.Unavailable) {
            provisionerNotReady.increment();
        }
        switch (op) {
            case Operation.Register r when outcome instanceof Outcome.Unavailable -> noManagementAccess.increment();
            case Operation.PowerOn p when accepted -> powerChange(p.target().host(), "on");
            case Operation.PowerOff p when accepted -> powerChange(p.target().host(), "off");
            case Operation.Reboot r when accepted -> {
                powerChange(r.target().host(), "off");
                powerChange(r.target().host(), "on");
            }
            default -> { }
        }
        return outcome;
    }

    private void powerChange(HostId host, String onOff) {
        Counter.builder("metal3_operation_power_change").description("Number of times a host has been powered on or off")
                .tags("namespace", host.namespace(), "host", host.name(), "on_off", onOff).register(registry).increment();
    }

    /** {@code metal3_credentials_missing_total}, {@code _invalid_total} and {@code _unhandled_error_total} per lookup. */
    public CredentialsLookup credentials(CredentialsLookup delegate) {
        return (host, secretName) -> {
            CredentialsCheck check;
            try {
                check = delegate.lookup(host, secretName);
            } catch (RuntimeException e) {
                credentialsUnhandled.increment();
                throw e;
            }
            if (check instanceof CredentialsCheck.Missing) {
                credentialsMissing.increment();
            } else if (check instanceof CredentialsCheck.Invalid) {
                credentialsInvalid.increment();
            }
            return check;
        };
    }

    /** The host store, with every status write it makes counted as metal3 counts it. */
    public HostStore statusWrites(HostStore delegate) {
        return new CountingHostStore(delegate, this);
    }

    void written(HostId id, HostStatus before, HostStatus after) {
        StatusChange change = new StatusChange(before, after);
        change.transition().ifPresent(t -> Counter.builder("metal3_provisioning_state_change")
                .description("Number of times a state transition has occurred")
                .tags("prev_state", t.from().wireName(), "new_state", t.to().wireName()).register(registry).increment());
        change.errorRecorded().ifPresent(type -> Counter.builder("metal3_host_error")
                .description("The number of times hosts have entered an error state")
                .tag("error_type", type.eventReason()).register(registry).increment());
        change.delayed().ifPresent(state -> {
            boolean deprovisioning = state == ProvisioningState.DEPROVISIONING;
            Counter.builder(deprovisioning ? "metal3_delayed__deprovisioning" : "metal3_delayed__provisioning")
                    .description("The number of times hosts have been delayed while " + (deprovisioning ? "deprovisioning" : "provisioning")
                            + " due a busy provisioner")
                    .tags("namespace", id.namespace(), "host", id.name()).register(registry).increment();
        });
        for (StatusChange.EndedOperation ended : change.endedOperations()) {
            OPERATIONS.get(ended.kind()).summary(registry, id).record(ended.took().toNanos() / 1e9);
        }
        if (change.credentialsUpdated()) {
            credentialsUpdated.increment();
        }
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(registry);
    }

    /** metal3's stateTime histograms: name, help and buckets per operation. */
    private record OperationHistogram(String name, String help, double[] buckets) {
        DistributionSummary summary(MeterRegistry registry, HostId id) {
            return DistributionSummary.builder(name).description(help).baseUnit("seconds").serviceLevelObjectives(buckets)
                    .tags("namespace", id.namespace(), "host", id.name()).register(registry);
        }
    }

    private static final Map<OperationHistory.Kind, OperationHistogram> OPERATIONS = new EnumMap<>(Map.of(
            OperationHistory.Kind.REGISTER, new OperationHistogram("metal3_operation_register_duration",
                    "Length of time per registration per host", DEFAULT_BUCKETS),
            OperationHistory.Kind.INSPECT, new OperationHistogram("metal3_operation_inspect_duration",
                    "Length of time per hardware inspection per host", SLOW_OPERATION_BUCKETS),
            OperationHistory.Kind.PROVISION, new OperationHistogram("metal3_operation_provision_duration",
                    "Length of time per hardware provision operation per host", SLOW_OPERATION_BUCKETS),
            OperationHistory.Kind.DEPROVISION, new OperationHistogram("metal3_operation_deprovision_duration",
                    "Length of time per hardware deprovision operation per host", SLOW_OPERATION_BUCKETS)));

    /** The host store whose status writes report what they changed. */
    private record CountingHostStore(HostStore delegate, Metal3Metrics metrics) implements HostStore {
        @Override public Optional<Host> find(HostId id) { return delegate.find(id); }
        @Override public List<Host> list(String namespace) { return delegate.list(namespace); }
        @Override public List<Host> listAll() { return delegate.listAll(); }
        @Override public Host holdForCleanup(Host host) { return delegate.holdForCleanup(host); }
        @Override public Host compareAndSetSpec(Host expected, HostSpec spec) { return delegate.compareAndSetSpec(expected, spec); }
        @Override public Host apply(Host current, List<Effect> effects) { return delegate.apply(current, effects); }
        @Override public Optional<Host> createIfAbsent(Host host) { return delegate.createIfAbsent(host); }

        @Override
        public Host writeStatus(Host current, HostStatus status) {
            Host written = delegate.writeStatus(current, status);
            metrics.written(current.id(), current.status(), status);
            return written;
        }
    }
}
