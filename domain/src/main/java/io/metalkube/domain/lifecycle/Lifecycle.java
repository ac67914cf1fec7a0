package io.metalkube.domain.lifecycle;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcAddressException;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.validation.HostValidator;
import io.metalkube.domain.validation.InvalidSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.metalkube.domain.host.ProvisioningState.*;

/**
 * The provisioning state machine as a pure function (metal3-anchors.md §1.8.2).
 * {@link #plan} looks at a host and the observed facts and decides the next status change or back-end operation;
 * {@link #conclude} turns that operation's outcome into the next status. Neither does I/O or reads a clock.
 */
public final class Lifecycle {

    private final LifecycleTimings timings;
    private final Backoff backoff;
    private final Conclusions conclusions;
    private final DeletionPlanner deletion;
    private final PowerPlanner power;
    private final HostValidator validator = new HostValidator();

    public Lifecycle(LifecycleTimings timings) {
        this.timings = timings;
        this.backoff = new Backoff(timings.backoffCapExponent());
        this.power = new PowerPlanner(timings, backoff);
        this.conclusions = new Conclusions(timings, backoff);
        this.deletion = new DeletionPlanner(timings, backoff);
    }

    public LifecycleTimings timings() {
        return timings;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Whether {@link #plan} may want to start inspecting, provisioning or deprovisioning, so capacity must be checked. */
    public boolean mayNeedCapacity(Host host) {
        if (host.deleting() || host.annotations().paused()) {
            return false;
        }
        HostSpec spec = host.spec();
        return switch (host.state()) {
            // metal3 checks on entering a busy state: a host still to register takes no slot while it does
            case REGISTERING -> host.status().registered();
            case MATCH_PROFILE -> true;
            case AVAILABLE -> spec.wantsProvisioning() || host.annotations().inspect() == InspectRequest.REINSPECT;
            case PROVISIONED -> !spec.sameDeploymentAs(host.status().provisioning());
            default -> host.status().operationalStatus() == OperationalStatus.DELAYED;
        };
    }

    /** Decides what to do next for {@code host}. */
    public Decision plan(Host host, Observation observation, Instant now) {
        Step step = new Step(host, now);
        if (host.annotations().paused()) {
            return step.done(); // paused: nothing at all, not even a requeue
        }
        HostStatus status = host.status();
        if (status.isEmpty() && host.annotations().statusBackup().isPresent()) {
            return step.status(host.annotations().statusBackup().get())
                    .effect(Effect.CLEAR_STATUS_BACKUP)
                    .event(HostEvent.normal("StatusRestored", "status restored from the baremetalhost.metal3.io/status annotation"))
                    .requeueNow().done();
        }
        if (host.annotations().statusBackup().isPresent()) {
            // status exists: a stale copy must go (a restore interrupted before it dropped the copy, or a backup
            // taken while paused), else a later empty status would bring back outdated facts (metal3 does the same)
            step.effect(Effect.CLEAR_STATUS_BACKUP);
        }
        Access access = Access.of(host, observation);
        if (host.deleting() && !DeletionPlanner.delayedForDetached(host)) {
            return deletion.plan(host, access, step, now);
        }
        if (host.annotations().isDetached()) {
            Optional<Decision> detached = planDetached(host, access, step);
            if (detached.isPresent()) {
                return detached.get();
            }
        }
        if (status.operationalStatus() == OperationalStatus.DETACHED) {
            return step.status(status.withOperationalStatus(OperationalStatus.OK).withGoodCredentials(null))
                    .event(HostEvent.normal("Reattached", "detached annotation removed; registering the host again"))
                    .requeueNow().done();
        }
        if (host.spec().bmc().address().isBlank() || host.spec().bmc().credentialsName().isBlank()) {
            return planUnmanaged(host, step);
        }
        if (access.addressError() != null) {
            return step.failOnce(ErrorType.REGISTRATION, access.addressError().getMessage()).done();
        }
        List<String> problems = validator.validate(host);
        if (!problems.isEmpty()) {
            // what the admission webhook would have refused: nothing is done until the spec is fixed
            return step.failOnce(registrationErrorType(host), InvalidSpec.message(problems)).done();
        }
        switch (observation.credentials()) {
            case CredentialsCheck.Missing m -> {
                // metal3 requeues a missing Secret after 10 s: a Secret created without our label brings no watch event
                String msg = "credentials Secret \"" + m.secretName() + "\" not found in namespace " + host.id().namespace()
                        + "; create it with keys username and password (checked again every "
                        + timings.credentialsRetry().toSeconds() + " s)";
                return step.failOnce(registrationErrorType(host), msg).requeue(timings.credentialsRetry()).done();
            }
            case CredentialsCheck.Invalid inv -> {
                step.failOnce(registrationErrorType(host), "credentials Secret \"" + inv.secretName() + "\" is unusable: " + inv.reason());
                return (inv.watched() ? step : step.requeue(timings.credentialsRetry())).done();
            }
            case CredentialsCheck.NotRequested n -> {
                return step.requeue(timings.unmanagedPoll()).done();
            }
            case CredentialsCheck.Found f -> {
                return planManaged(host, observation, f, access, step, now);
            }
        }
    }

    /** Turns the outcome of an operation that {@link #plan} asked for into the next status. */
    public Decision conclude(Host host, Operation operation, Outcome outcome, Instant now) {
        return conclusions.conclude(host, operation, outcome, new Step(host, now), now);
    }

    private Decision planUnmanaged(Host host, Step step) {
        ProvisioningState state = host.state();
        if (state == NONE || state == UNMANAGED) {
            if (state == NONE) {
                step.moveTo(UNMANAGED).event(HostEvent.normal("Discovered",
                        "host has no BMC address or credentials; set spec.bmc.address and spec.bmc.credentialsName to manage it"));
            }
            return step.status(step.status().withOperationalStatus(OperationalStatus.DISCOVERED))
                    .requeue(timings.unmanagedPoll()).done();
        }
        return step.failOnce(registrationErrorType(host), "spec.bmc.address and spec.bmc.credentialsName are both required").done();
    }

    /**
     * The detached annotation (metal3's checkDetachedHost): detach in provisioned, externally provisioned and available
     * hosts, elsewhere only when forced; otherwise the host carries on with its current operation (empty: the normal
     * plan goes on) and is detached once it reaches one of those states.
     */
    private Optional<Decision> planDetached(Host host, Access access, Step step) {
        HostStatus status = host.status();
        if (status.operationalStatus() == OperationalStatus.DETACHED) {
            if (host.deleting()) {
                step.event(HostEvent.normal("DeletionDelayed", "the host is detached and its annotation says {\"deleteAction\": \"delay\"};"
                        + " it is deleted once the annotation says \"delete\" (or is removed: the host is then attached and deleted)"));
            }
            return Optional.of(step.requeue(timings.unmanagedPoll()).done());
        }
        ProvisioningState state = host.state();
        boolean allowed = state == PROVISIONED || state == EXTERNALLY_PROVISIONED || state == AVAILABLE
                || host.annotations().detached().get().force();
        if (!allowed) {
            if (status.errorType() == ErrorType.DETACH) {
                return Optional.of(step.succeed().requeueNow().done()); // a detach error from before no longer holds
            }
            return Optional.empty(); // metal3: "host cannot be detached yet, waiting for the current operation to finish"
        }
        if (status.provisioning().id().isEmpty() && status.goodCredentials() == null) {
            return Optional.of(step.succeed().status(step.status().withOperationalStatus(OperationalStatus.DETACHED))
                    .event(HostEvent.normal("Detached", "host detached; it was never registered with the back-end"))
                    .requeue(timings.unmanagedPoll()).done());
        }
        if (waitingOutBackoff(host, step)) {
            return Optional.of(step.done());
        }
        return Optional.of(step.perform(new Operation.Detach(access.target())).done());
    }

    private Decision planManaged(Host host, Observation observation, CredentialsCheck.Found creds, Access access, Step step, Instant now) {
        HostStatus status = host.status();
        ProvisioningState state = host.state();
        if (state == NONE || state == UNMANAGED) {
            return step.status(step.status().withOperationalStatus(OperationalStatus.OK)).moveTo(REGISTERING).requeueNow().done();
        }
        boolean credentialsChanged = status.goodCredentials() == null || !status.goodCredentials().equals(creds.version());
        boolean registrationFailed = status.errorType() == ErrorType.REGISTRATION || status.errorType() == ErrorType.PROVISIONED_REGISTRATION;
        if (credentialsChanged || registrationFailed) {
            boolean newCredentials = !creds.version().equals(status.triedCredentials());
            if (!newCredentials && waitingOutBackoff(host, step)) {
                // the same credentials wait out the backoff; a change is tried at once (issue 11 item 6): the watch
                // brings it for a labelled Secret, an unlabelled one is read again every few seconds meanwhile
                if (!creds.watched()) {
                    step.requeue(min(step.requeueAfter(), timings.credentialsRetry()));
                }
                return step.done();
            }
            return step.perform(new Operation.Register(access.target(), creds.version(), state,
                    status.provisioning().image(), host.spec().automatedCleaningMode())).done();
        }
        return switch (state) {
            case REGISTERING -> afterRegistration(host, observation, step);
            case MATCH_PROFILE -> enterBusy(host, observation, step, INSPECTING);
            case INSPECTING -> planInspecting(host, access, step);
            case PREPARING -> step.succeed().status(step.status().withProvisioning(step.status().provisioning()
                    .withApplied(host.spec().rootDeviceHints(), host.spec().bootMode()))).moveTo(AVAILABLE).requeueNow().done();
            case AVAILABLE -> planAvailable(host, observation, access, step, now);
            case PROVISIONING -> planProvisioning(host, access, step);
            case PROVISIONED -> planProvisioned(host, observation, access, step, now);
            case EXTERNALLY_PROVISIONED -> host.spec().externallyProvisioned()
                    ? power.plan(host, access, step, now)
                    : step.status(step.status().withProvisioning(step.status().provisioning().withDeploymentOf(host.spec())))
                        .moveTo(PROVISIONED).requeueNow().done();
            case DEPROVISIONING -> waitingOutBackoff(host, step) ? step.done()
                    : step.perform(new Operation.Deprovision(access.target(), host.spec().automatedCleaningMode())).done();
            // Deletion states without a deletion request cannot arise from plan(); treat them as "carry on deleting".
            case POWERING_OFF_BEFORE_DELETE, DELETING -> deletion.plan(host.markedForDeletion(), access, step, now);
            case NONE, UNMANAGED -> throw new IllegalStateException("handled above: " + state);
        };
    }

    /** metal3's InspectionDisabled(): the inspect.metal3.io annotation says disabled, or spec.inspectionMode does. */
    static boolean inspectionDisabled(Host host) {
        return host.annotations().inspect() == InspectRequest.DISABLED || host.spec().inspectionDisabled();
    }

    /** Registered: externally provisioned hosts skip inspection, so do hosts whose inspection is disabled. */
    private Decision afterRegistration(Host host, Observation observation, Step step) {
        HostEvent registered = HostEvent.normal("Registered", Metal3Messages.REGISTERED);
        if (host.spec().externallyProvisioned()) {
            return step.event(registered).moveTo(EXTERNALLY_PROVISIONED).requeueNow().done();
        }
        if (inspectionDisabled(host)) {
            host.annotations().hardwareDetails().ifPresent(hw -> step.status(step.status().withHardware(hw)));
            return step.event(registered).moveTo(PREPARING).requeueNow().done();
        }
        if (observation.capacity() != Capacity.EXHAUSTED) {
            step.event(registered); // once, when the host moves on; not on every retry while it waits delayed
        }
        return enterBusy(host, observation, step, INSPECTING);
    }

    private Decision planInspecting(Host host, Access access, Step step) {
        if (inspectionDisabled(host)) {
            host.annotations().hardwareDetails().ifPresent(hw -> step.status(step.status().withHardware(hw)));
            return step.succeed().event(HostEvent.normal("InspectionSkipped", "inspection is disabled (spec.inspectionMode or "
                    + "inspect.metal3.io: disabled)")).moveTo(PREPARING).requeueNow().done();
        }
        if (waitingOutBackoff(host, step)) {
            return step.done();
        }
        return step.perform(new Operation.Inspect(access.target())).done();
    }

    private Decision planAvailable(Host host, Observation observation, Access access, Step step, Instant now) {
        HostSpec spec = host.spec();
        if (spec.externallyProvisioned()) {
            return step.moveTo(EXTERNALLY_PROVISIONED).requeueNow().done();
        }
        if (host.annotations().inspect() == InspectRequest.REINSPECT) {
            if (observation.capacity() != Capacity.EXHAUSTED) {
                step.effect(Effect.CLEAR_INSPECT_REQUEST); // taken only when inspection really starts, or the request is lost
            }
            return enterBusy(host, observation, step, INSPECTING);
        }
        if (spec.wantsProvisioning()) {
            Decision d = enterBusy(host, observation, step, PROVISIONING);
            if (d.status().state() == PROVISIONING) {
                // the same step goes on, so its transition and effects stay with the provisioning start
                return step.status(step.status().withProvisioning(step.status().provisioning().withDeploymentOf(spec)))
                        .event(HostEvent.normal("ProvisioningStarted", Metal3Messages.provisioningStarted(spec.deploymentSummary()))).done();
            }
            return d;
        }
        return power.plan(host, access, step, now);
    }

    private Decision planProvisioning(Host host, Access access, Step step) {
        HostSpec spec = host.spec();
        if (!spec.hasDeployment() || !spec.sameDeploymentAs(host.status().provisioning())) {
            return step.succeed().moveTo(DEPROVISIONING)
                    .event(HostEvent.normal("DeprovisioningStarted", spec.deploymentChangeFrom(host.status().provisioning()) + " (while provisioning)"))
                    .requeueNow().done();
        }
        if (waitingOutBackoff(host, step)) {
            return step.done();
        }
        return step.perform(new Operation.Provision(access.target(), spec.image(), spec.userData(), spec.networkData(),
                spec.metaData(), spec.rootDeviceHints(), spec.bootMode(), spec.automatedCleaningMode(), spec.customDeploy())).done();
    }

    private Decision planProvisioned(Host host, Observation observation, Access access, Step step, Instant now) {
        if (!host.spec().sameDeploymentAs(host.status().provisioning())) {
            Decision d = enterBusy(host, observation, step, DEPROVISIONING);
            if (d.status().state() == DEPROVISIONING) {
                return step.event(HostEvent.normal("DeprovisioningStarted", host.spec().deploymentChangeFrom(host.status().provisioning())))
                        .done();
            }
            return d;
        }
        return power.plan(host, access, step, now);
    }

    /** Enters a state that counts against the provisioning limit, or marks the host delayed. */
    private Decision enterBusy(Host host, Observation observation, Step step, ProvisioningState next) {
        if (observation.capacity() == Capacity.EXHAUSTED) {
            if (host.status().operationalStatus() != OperationalStatus.DELAYED) {
                step.status(step.status().withOperationalStatus(OperationalStatus.DELAYED))
                        .event(HostEvent.normal("Delayed", "provisioning limit reached; waiting to enter \"" + next.wireName() + "\""));
            }
            return step.requeue(timings.delayedRetry()).done();
        }
        return step.moveTo(next).requeueNow().done();
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /** True (and the requeue set) while the last failure's backoff has not elapsed. */
    boolean waitingOutBackoff(Host host, Step step) {
        return BackoffGate.waiting(host, step, backoff);
    }

    static ErrorType registrationErrorType(Host host) {
        return InvalidSpec.errorType(host.state());
    }

    /** The usable parts of spec.bmc and the credentials, as a back-end target. */
    record Access(BackendTarget target, BmcAddressException addressError, boolean usable) {

        static Access of(Host host, Observation observation) {
            BmcAddress address = null;
            BmcAddressException error = null;
            try {
                if (!host.spec().bmc().address().isBlank()) {
                    address = BmcAddress.parse(host.spec().bmc().address());
                }
            } catch (BmcAddressException e) {
                error = e;
            }
            BmcCredentials credentials = observation.credentials() instanceof CredentialsCheck.Found f ? f.credentials() : null;
            BackendTarget target = new BackendTarget(host.id(), host.status().provisioning().id(), address, credentials,
                    host.spec().bootMACAddress(), host.spec().bmc().disableCertificateVerification(), host.spec().disablePowerOff());
            return new Access(target, error, address != null && credentials != null);
        }
    }

    /** Shared backoff gate for the planners. */
    static final class BackoffGate {
        private BackoffGate() {
        }

        static boolean waiting(Host host, Step step, Backoff backoff) {
            HostStatus status = host.status();
            if (status.errorCount() == 0 || status.lastUpdated() == null) {
                return false;
            }
            Instant retryAt = status.lastUpdated().plus(backoff.after(status.errorCount(), host.id()));
            Optional<Duration> left = Optional.of(Duration.between(stepNow(step), retryAt)).filter(d -> !d.isNegative() && !d.isZero());
            left.ifPresent(step::requeue);
            return left.isPresent();
        }

        private static Instant stepNow(Step step) {
            return step.now();
        }
    }
}
