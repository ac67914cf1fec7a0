package io.metalkube.application.service;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.domain.claim.ClaimDecision;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.ReleaseStep;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.HostEvent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Use case: the Machine actuator. Claims one matching host per Machine, race-safely: the chosen host is first
 * recorded on the Machine, then consumerRef is written with a compare-and-set; a lost race re-reads and tries
 * again (metal3-anchors.md §3.3). On Machine deletion it releases the host: clear the spec, wait for
 * deprovisioning, then clear the consumer. A Machine that names no image gets the site's default image; with none,
 * it claims only hosts that carry their own spec.image, and otherwise says why on the Machine (issue 14).
 */
public final class MachineClaimer implements ReconcileMachineUseCase {

    private static final System.Logger LOG = System.getLogger(MachineClaimer.class.getName());
    static final int MAX_ATTEMPTS = 5;
    static final Duration NO_HOST_RETRY = Duration.ofSeconds(30);
    static final Duration PROGRESS_POLL = Duration.ofSeconds(5);
    static final Duration STEADY_POLL = Duration.ofSeconds(60);
    static final Duration CONFLICT_RETRY = Duration.ofMillis(250);

    static final String DEFAULT_IMAGE_SETTING = "metalkube.machines.default-image.url";

    private static final int SUMMARY_LIMIT = 400;
    private final MachineStore machines;
    private final HostStore hosts;
    private final HostClaims claims;
    private final Image defaultImage;
    private final AtomicLong conflicts = new AtomicLong();

    public MachineClaimer(MachineStore machines, HostStore hosts, HostClaims claims) {
        this(machines, hosts, claims, null);
    }

    /** {@code defaultImage}: what Machines that name no image provision (the site's setting); null for none. */
    public MachineClaimer(MachineStore machines, HostStore hosts, HostClaims claims, Image defaultImage) {
        this.machines = machines;
        this.hosts = hosts;
        this.claims = claims;
        this.defaultImage = defaultImage;
    }

    /** How many compare-and-set conflicts this claimer lost and retried (for tests and metrics). */
    public long conflicts() {
        return conflicts.get();
    }

    @Override
    public ReconcileResult reconcile(MachineId id) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<MachineView> found = machines.find(id);
            if (found.isEmpty()) {
                return ReconcileResult.finished();
            }
            MachineView machine = found.get();
            try {
                return machine.deleting() ? release(machine) : claim(machine);
            } catch (ConflictException e) {
                conflicts.incrementAndGet();
                int tried = attempt;
                LOG.log(Level.DEBUG, () -> "Machine " + id + ": lost a race (attempt " + tried + "): " + e.getMessage());
            }
        }
        return ReconcileResult.after(CONFLICT_RETRY);
    }

    private ReconcileResult claim(MachineView machine) {
        if (machine.config() instanceof ProviderConfig.Invalid invalid) {
            MachineStatus status = new MachineStatus("", "Failed", List.of(), "InvalidConfiguration", invalid.message());
            if (!status.equals(machine.status())) {
                machines.writeStatus(machine, status);
                machines.publish(machine, HostEvent.warning("InvalidConfiguration", invalid.message()));
            }
            return ReconcileResult.idle();
        }
        ClaimRequest request = ((ProviderConfig.Valid) machine.config()).request().withImageIfNone(defaultImage);
        Optional<Host> annotated = machine.chosenHost().flatMap(hosts::find);
        if (annotated.isPresent()) {
            Host host = annotated.get();
            if (request.consumer().sameObjectAs(host.spec().consumerRef())) {
                return owned(machine, withImage(machine, host, request));
            }
            if (host.spec().consumerRef() == null && claims.firstRejection(host, request).isEmpty()) {
                return owned(machine, takeHost(machine, host, request));
            }
        }
        ClaimDecision decision = claims.choose(hosts.list(request.namespace()), request);
        return switch (decision) {
            case ClaimDecision.AlreadyClaimed already -> {
                MachineView m = annotate(machine, already.host().id());
                yield owned(m, withImage(m, already.host(), request));
            }
            case ClaimDecision.Chosen chosen -> {
                MachineView m = annotate(machine, chosen.host().id());
                yield owned(m, takeHost(m, chosen.host(), request));
            }
            case ClaimDecision.NoneAvailable none when none.lackingOnlyAnImage() > 0 && !request.deploys() ->
                    noImage(forgetChosenHost(machine), none.lackingOnlyAnImage());
            case ClaimDecision.NoneAvailable none -> noHost(forgetChosenHost(machine), none.summary());
        };
    }

    /**
     * A host this Machine owns that has no image and was never provisioned (claimed before the Machine or the site
     * named one) gets the image now, as CAPM3's setHostSpec does on every update while the host has none.
     */
    private Host withImage(MachineView machine, Host host, ClaimRequest request) {
        if (!request.deploys() || !awaitsImage(host)) {
            return host;
        }
        Host updated = hosts.compareAndSetSpec(host, claims.claim(host, request));
        machines.publish(machine, HostEvent.normal("HostImageSet", "BareMetalHost " + host.id() + " had no image; provisioning "
                + CustomDeploy.describe(request.image(), request.customDeploy())));
        return updated;
    }

    private static boolean awaitsImage(Host host) {
        return !host.spec().hasDeployment() && !host.spec().externallyProvisioned() && switch (host.state()) {
            case PROVISIONING, PROVISIONED, EXTERNALLY_PROVISIONED, DEPROVISIONING, POWERING_OFF_BEFORE_DELETE, DELETING -> false;
            default -> true;
        };
    }

    /** Writes consumerRef (and image/userData/online) with a compare-and-set on the host. */
    private Host takeHost(MachineView machine, Host host, ClaimRequest request) {
        Host claimed = hosts.compareAndSetSpec(host, claims.claim(host, request));
        LOG.log(Level.INFO, () -> "Machine " + machine.id() + " claimed host " + host.id());
        machines.publish(machine, HostEvent.normal("HostClaimed", "claimed BareMetalHost " + host.id()));
        return claimed;
    }

    private MachineView annotate(MachineView machine, HostId host) {
        if (machine.chosenHost().filter(host::equals).isPresent()) {
            return machine;
        }
        return machines.recordChosenHost(machine, host);
    }

    /**
     * A Machine that lost the race for its chosen host and found no other must not keep naming that host: the
     * annotation would claim a host another Machine owns (half-claimed). Drop it until a host is chosen again.
     */
    private MachineView forgetChosenHost(MachineView machine) {
        if (machine.chosenHost().isEmpty()) {
            return machine;
        }
        HostId lost = machine.chosenHost().get();
        LOG.log(Level.INFO, () -> "Machine " + machine.id() + " no longer holds its chosen host " + lost + "; removing the annotation");
        return machines.recordChosenHost(machine, null);
    }

    private ReconcileResult owned(MachineView machine, Host host) {
        String phase = switch (host.state()) {
            case PROVISIONED, EXTERNALLY_PROVISIONED -> "Provisioned";
            case DEPROVISIONING, POWERING_OFF_BEFORE_DELETE, DELETING -> "Deleting";
            default -> "Provisioning";
        };
        List<String> addresses = host.status().hardware() == null ? List.of()
                : host.status().hardware().nics().stream().map(n -> n.ip()).filter(Objects::nonNull).filter(ip -> !ip.isBlank()).distinct().toList();
        String error = host.status().hasError() ? host.status().errorMessage() : "";
        String reason = error.isEmpty() ? "" : "HostError";
        if (awaitsImage(host)) {
            reason = "InvalidConfiguration";
            error = "BareMetalHost " + host.id() + " has no spec.image and neither the Machine (spec.providerSpec.value.image) nor "
                    + "the site (" + DEFAULT_IMAGE_SETTING + ") names one, so it cannot be provisioned; set one of the three";
        }
        MachineStatus status = new MachineStatus(host.id().name(), phase, addresses, reason, error);
        if (!status.equals(machine.status())) {
            if (awaitsImage(host)) {
                machines.publish(machine, HostEvent.warning("NoImage", error));
            }
            machines.writeStatus(machine, status);
            if (host.state() == ProvisioningState.PROVISIONED && !"Provisioned".equals(machine.status().phase())) {
                machines.publish(machine, HostEvent.normal("HostProvisioned", "BareMetalHost " + host.id() + " is provisioned"));
            }
        }
        return ReconcileResult.after("Provisioned".equals(phase) ? STEADY_POLL : PROGRESS_POLL);
    }

    private ReconcileResult noHost(MachineView machine, String fullSummary) {
        String summary = clip(fullSummary); // a selector can be as long as its user made it; status and events stay readable
        MachineStatus status = new MachineStatus("", "Pending", List.of(), "NoHostAvailable", summary + "; retrying every "
                + NO_HOST_RETRY.toSeconds() + " s");
        if (!status.equals(machine.status())) {
            machines.writeStatus(machine, status);
            machines.publish(machine, HostEvent.warning("NoHostAvailable", summary));
        }
        return ReconcileResult.after(NO_HOST_RETRY);
    }

    private ReconcileResult noImage(MachineView machine, int hosts) {
        String message = "no image to provision: the Machine names none (spec.providerSpec.value.image), the site sets no default ("
                + DEFAULT_IMAGE_SETTING + "), and the " + hosts + " matching available host" + (hosts == 1 ? " has" : "s have")
                + " no spec.image; set one of the three";
        MachineStatus status = new MachineStatus("", "Pending", List.of(), "InvalidConfiguration", message + "; retrying every "
                + NO_HOST_RETRY.toSeconds() + " s");
        if (!status.equals(machine.status())) {
            machines.writeStatus(machine, status);
            machines.publish(machine, HostEvent.warning("NoImage", message));
        }
        return ReconcileResult.after(NO_HOST_RETRY);
    }

    private static String clip(String text) {
        return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT) + "… (" + text.length() + " characters)";
    }

    private ReconcileResult release(MachineView machine) {
        Optional<Host> host = machine.chosenHost().flatMap(hosts::find)
                .filter(h -> machine.consumerRef().sameObjectAs(h.spec().consumerRef()))
                .or(() -> hosts.list(machine.id().namespace()).stream()
                        .filter(h -> machine.consumerRef().sameObjectAs(h.spec().consumerRef())).findFirst());
        if (host.isEmpty()) {
            machines.releaseComplete(machine);
            return ReconcileResult.finished();
        }
        Host h = host.get();
        return switch (claims.release(h, machine.consumerRef())) {
            case ReleaseStep.NotOurs n -> {
                machines.releaseComplete(machine);
                yield ReconcileResult.finished();
            }
            case ReleaseStep.ClearSpec clear -> {
                hosts.compareAndSetSpec(h, clear.spec());
                machines.publish(machine, HostEvent.normal("ReleasingHost", "deprovisioning BareMetalHost " + h.id() + " before releasing it"));
                yield ReconcileResult.after(PROGRESS_POLL);
            }
            case ReleaseStep.WaitForDeprovisioning wait -> {
                MachineStatus status = new MachineStatus(h.id().name(), "Deleting", List.of(), "", "");
                if (!status.equals(machine.status())) {
                    machines.writeStatus(machine, status);
                }
                yield ReconcileResult.after(PROGRESS_POLL);
            }
            case ReleaseStep.ClearConsumer clear -> {
                hosts.compareAndSetSpec(h, clear.spec());
                machines.publish(machine, HostEvent.normal("HostReleased", "released BareMetalHost " + h.id()));
                machines.releaseComplete(machine);
                yield ReconcileResult.finished();
            }
        };
    }
}
