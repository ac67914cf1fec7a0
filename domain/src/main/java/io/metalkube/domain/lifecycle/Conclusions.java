package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.metalkube.domain.host.ProvisioningState.*;

/** Turns an operation's outcome into the next status: success resets errors, failure counts up and backs off. */
final class Conclusions {

    private static final Duration POWER_SETTLE = Duration.ofSeconds(5);

    private final LifecycleTimings timings;
    private final Backoff backoff;

    Conclusions(LifecycleTimings timings, Backoff backoff) {
        this.timings = timings;
        this.backoff = backoff;
    }

    Decision conclude(Host host, Operation operation, Outcome outcome, Step step, Instant now) {
        // The two states that only deletion enters carry on deleting even without the flag, as plan() does.
        boolean deleting = host.deleting() || host.state() == POWERING_OFF_BEFORE_DELETE || host.state() == DELETING;
        boolean deletionStep = operation instanceof Operation.Deprovision || operation instanceof Operation.PowerOff
                || operation instanceof Operation.Delete;
        if (outcome instanceof Outcome.InProgress p) {
            if (operation instanceof Operation.Register r) {
                step.status(step.status().withTriedCredentials(r.credentialsVersion()));
            }
            Instant since = host.status().powerOffSince();
            if (deleting && host.state() == POWERING_OFF_BEFORE_DELETE && operation instanceof Operation.PowerOff
                    && since != null && !now.isBefore(since.plus(timings.softPowerOffTimeout()))) {
                // A BMC stuck powering off counts as a failed attempt, so deletion still ends (metal3: failed >3 times).
                step.status(step.status().withPowerOffSince(null));
                return concludeDeletion(host, operation, new Outcome.Failed("host " + host.id() + " did not power off within "
                        + timings.softPowerOffTimeout().toSeconds() + " s (" + p.detail() + ")"), step);
            }
            if (operation instanceof Operation.PowerOff && host.status().powerOffSince() == null) {
                step.status(step.status().withPowerOffSince(now));
            }
            return step.requeue(p.retryAfter()).done();
        }
        if (deleting && deletionStep && isDeletionPhase(host.state())) {
            return concludeDeletion(host, operation, outcome, step);
        }
        if (outcome instanceof Outcome.Unavailable u) {
            return step.event(HostEvent.warning("BackendUnavailable", "back-end not ready for " + operation.kind() + ": " + u.reason()))
                    .requeue(timings.notReadyRetry()).done();
        }
        return switch (operation) {
            case Operation.Register r -> concludeRegister(host, r, outcome, step);
            case Operation.Inspect i -> switch (outcome) {
                case Outcome.Inspected in -> step.succeed().status(step.status().withHardware(in.hardware()))
                        .event(HostEvent.normal("InspectionComplete", Metal3Messages.INSPECTION_COMPLETE)).moveTo(PREPARING).requeueNow().done();
                default -> failure(host, step, ErrorType.INSPECTION, outcome, "inspection");
            };
            case Operation.Provision p -> switch (outcome) {
                case Outcome.Done d -> step.succeed().event(HostEvent.normal("ProvisioningComplete", Metal3Messages.provisioningComplete(p.deployment())))
                        .moveTo(PROVISIONED).requeueNow().done();
                default -> failure(host, step, ErrorType.PROVISIONING, outcome, "provisioning");
            };
            case Operation.Deprovision d -> switch (outcome) {
                case Outcome.Done x -> afterDeprovision(host, step);
                default -> failure(host, step, ErrorType.PROVISIONING, outcome, "deprovisioning");
            };
            case Operation.ReadPower rp -> concludePower(host, step, outcome, null);
            case Operation.PowerOn po -> concludePower(host, step, outcome, Boolean.TRUE);
            case Operation.PowerOff po -> concludePowerOff(host, po, step, outcome, now);
            case Operation.Reboot rb -> concludeReboot(host, rb, step, outcome);
            case Operation.Detach dt -> switch (outcome) {
                case Outcome.Done x -> step.succeed().status(step.status().withOperationalStatus(OperationalStatus.DETACHED)
                                .withProvisioning(step.status().provisioning().withId("")))
                        .event(HostEvent.normal("Detached", "host removed from the back-end without deprovisioning"))
                        .requeue(timings.unmanagedPoll()).done();
                default -> failure(host, step, ErrorType.DETACH, outcome, "detaching");
            };
            case Operation.Delete del -> step.requeueNow().done(); // only reachable during deletion, handled above
        };
    }

    private Decision concludeRegister(Host host, Operation.Register r, Outcome outcome, Step step) {
        if (outcome instanceof Outcome.Registered reg) {
            HostStatus s = step.succeed().status().withGoodCredentials(r.credentialsVersion()).withTriedCredentials(r.credentialsVersion());
            if (!reg.provisionerId().isEmpty()) {
                s = s.withProvisioning(s.provisioning().withId(reg.provisionerId()));
            }
            return step.status(s.withOperationalStatus(s.operationalStatus() == OperationalStatus.DISCOVERED ? OperationalStatus.OK : s.operationalStatus()))
                    .event(HostEvent.normal("BMCAccessValidated", Metal3Messages.bmcAccessValidated(r.credentialsVersion())))
                    .requeueNow().done();
        }
        step.status(step.status().withTriedCredentials(r.credentialsVersion()));
        failure(host, step, Lifecycle.registrationErrorType(host), outcome, "registration");
        // look again soon: the plan then waits out the backoff for these credentials, but tries a fixed Secret at once
        return step.requeue(timings.credentialsRetry()).done();
    }

    private Decision afterDeprovision(Host host, Step step) {
        step.succeed().status(step.status().withProvisioning(step.status().provisioning().withoutDeployment()))
                .event(HostEvent.normal("DeprovisioningComplete", "host deprovisioned"));
        if (host.spec().wantsProvisioning()) {
            return step.status(step.status().withProvisioning(step.status().provisioning().withDeploymentOf(host.spec())))
                    .moveTo(PROVISIONING).event(HostEvent.normal("ProvisioningStarted", Metal3Messages.provisioningStarted(host.spec().deploymentSummary())))
                    .requeueNow().done();
        }
        return step.moveTo(AVAILABLE).requeueNow().done();
    }

    private Decision concludePower(Host host, Step step, Outcome outcome, Boolean asked) {
        return switch (outcome) {
            case Outcome.PowerState ps -> {
                // The BMC answered in a steady state: whatever failed before is over (metal3 resets errorCount here too).
                step.succeed();
                step.status(step.status().withPoweredOn(ps.poweredOn()).withPowerOffSince(ps.poweredOn() ? step.status().powerOffSince() : null));
                if (asked != null && ps.poweredOn() == asked) {
                    step.event(HostEvent.normal(asked ? "PowerOn" : "PowerOff", Metal3Messages.powered(asked)));
                }
                boolean settled = asked == null || ps.poweredOn() == asked;
                yield step.requeue(settled ? jittered(host) : POWER_SETTLE).done();
            }
            case Outcome.Done d -> step.requeue(POWER_SETTLE).done(); // action accepted, power not observed yet
            default -> failure(host, step, ErrorType.POWER_MANAGEMENT, outcome, "power management");
        };
    }

    private Decision concludePowerOff(Host host, Operation.PowerOff po, Step step, Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Failed f && po.mode() == PowerOffMode.SOFT) {
            return step.status(step.status().withPowerOffSince(now.minus(timings.softPowerOffTimeout())))
                    .event(HostEvent.warning("SoftPowerOffFailed", "soft power-off failed (" + f.message() + "); powering off hard"))
                    .requeueNow().done();
        }
        if (outcome instanceof Outcome.PowerState ps && ps.poweredOn() && host.status().powerOffSince() == null) {
            step.status(step.status().withPowerOffSince(now));
        }
        return concludePower(host, step, outcome, Boolean.FALSE);
    }

    /** A power cycle (spec.disablePowerOff) served every pending reboot annotation: the suffixless one goes, keys are remembered. */
    private Decision concludeReboot(Host host, Operation.Reboot rb, Step step, Outcome outcome) {
        if (!(outcome instanceof Outcome.Done || outcome instanceof Outcome.PowerState)) {
            return failure(host, step, ErrorType.POWER_MANAGEMENT, outcome, "reboot");
        }
        Reboots reboots = Reboots.of(host);
        List<RebootRequest> servedNow = reboots.pending(host.status().servedReboots());
        List<String> served = new ArrayList<>(reboots.stillServed(host.status().servedReboots()));
        servedNow.stream().filter(RebootRequest::isKeyed).forEach(r -> served.add(r.key()));
        step.succeed().status(step.status().withServedReboots(served));
        if (outcome instanceof Outcome.PowerState ps) {
            step.status(step.status().withPoweredOn(ps.poweredOn()));
        }
        if (servedNow.stream().anyMatch(r -> !r.isKeyed())) {
            step.effect(Effect.CLEAR_ONCE_REBOOT);
        }
        return step.event(HostEvent.normal("Rebooted", "host power-cycled (" + rb.mode().name().toLowerCase(java.util.Locale.ROOT)
                        + ") for " + Reboots.names(servedNow) + "; spec.disablePowerOff is true, so it is never left off"))
                .requeue(POWER_SETTLE).done();
    }

    private Decision concludeDeletion(Host host, Operation operation, Outcome outcome, Step step) {
        boolean success = outcome instanceof Outcome.Done || outcome instanceof Outcome.PowerState ps && !ps.poweredOn();
        ProvisioningState state = host.state();
        if (success) {
            if (operation instanceof Operation.PowerOff) {
                // poweredOn is what the BMC reported; an accepted power-off (Done) reported nothing yet.
                Boolean observed = outcome instanceof Outcome.PowerState ? Boolean.FALSE : step.status().poweredOn();
                step.status(step.status().withPoweredOn(observed).withPowerOffSince(null));
            }
            return switch (state) {
                case DEPROVISIONING -> step.succeed().status(step.status().withProvisioning(step.status().provisioning().withoutDeployment()))
                        .event(HostEvent.normal("DeprovisioningComplete", "host deprovisioned")).moveTo(POWERING_OFF_BEFORE_DELETE).requeueNow().done();
                case POWERING_OFF_BEFORE_DELETE -> step.succeed().moveTo(DELETING).requeueNow().done();
                default -> step.succeed().effect(Effect.REMOVE_FINALIZER).event(HostEvent.normal("Deleted", "host removed from the back-end")).done();
            };
        }
        String problem = describe(outcome, operation.kind() + " during deletion");
        if (outcome instanceof Outcome.PowerState ps) {
            // Still on after a hard power-off: a failed attempt, so that a BMC that never powers off cannot block deletion.
            step.status(step.status().withPoweredOn(ps.poweredOn()));
            problem = "host " + host.id() + " still powered on after a hard power-off; retrying, then deleting anyway";
        }
        ErrorType type = switch (state) {
            case DEPROVISIONING -> ErrorType.PROVISIONING;
            case POWERING_OFF_BEFORE_DELETE -> ErrorType.POWER_MANAGEMENT;
            default -> ErrorType.REGISTRATION;
        };
        step.fail(type, problem);
        if (step.status().errorCount() > timings.maxDeleteFailures()) {
            String gaveUp = "gave up " + operation.kind() + " after " + step.status().errorCount() + " failures; deletion continues";
            step.succeed().event(HostEvent.warning("DeletionStepSkipped", gaveUp));
            return switch (state) {
                case DEPROVISIONING -> step.moveTo(POWERING_OFF_BEFORE_DELETE).requeueNow().done();
                case POWERING_OFF_BEFORE_DELETE -> step.moveTo(DELETING).requeueNow().done();
                default -> step.effect(Effect.REMOVE_FINALIZER).done();
            };
        }
        return step.requeue(backoff.after(step.status().errorCount(), host.id())).done();
    }

    private Decision failure(Host host, Step step, ErrorType type, Outcome outcome, String what) {
        step.fail(type, describe(outcome, what));
        return step.requeue(backoff.after(step.status().errorCount(), host.id())).done();
    }

    private static String describe(Outcome outcome, String what) {
        return switch (outcome) {
            case Outcome.Failed f -> f.message();
            case Outcome.Unavailable u -> what + " failed: back-end unavailable: " + u.reason();
            default -> what + " returned an unexpected result: " + outcome.getClass().getSimpleName();
        };
    }

    private static boolean isDeletionPhase(ProvisioningState state) {
        return state == DEPROVISIONING || state == POWERING_OFF_BEFORE_DELETE || state == DELETING;
    }

    /** The steady poll plus up to 25% per-host jitter, so hosts do not poll in lockstep. */
    private Duration jittered(Host host) {
        long ms = timings.steadyPoll().toMillis();
        return Duration.ofMillis(ms + Math.round(ms * Backoff.jitterFraction(host.id()) / 2));
    }
}
