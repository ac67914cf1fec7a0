package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.RebootRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;

/** The things that happen to a host: users edit it, its Secret changes, the back-end answers. */
final class Happenings {

    private Happenings() {
    }

    sealed interface Happening permits Edit, SecretChange, Reconcile {
    }

    /** A user (or a claiming Machine) edits spec or annotations. */
    record Edit(String name, UnaryOperator<Host> change) implements Happening {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The credentials Secret now reads differently. */
    record SecretChange(String name, Observation observation) implements Happening {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One reconcile; the back-end answers whatever is asked with {@code answer}. */
    record Reconcile(String name, Function<Operation, Outcome> answer) implements Happening {
        @Override
        public String toString() {
            return "reconcile(" + name + ")";
        }
    }

    static final List<Edit> EDITS = List.of(
            new Edit("set image and online", h -> h.withSpec(h.spec().withImage(IMAGE).withOnline(true))),
            new Edit("change image", h -> h.withSpec(h.spec().withImage(OTHER_IMAGE))),
            new Edit("clear image", h -> h.withSpec(h.spec().withImage(null))),
            new Edit("online", h -> h.withSpec(h.spec().withOnline(true))),
            new Edit("offline", h -> h.withSpec(h.spec().withOnline(false))),
            new Edit("externally provisioned", h -> h.withSpec(h.spec().withExternallyProvisioned(true))),
            new Edit("not externally provisioned", h -> h.withSpec(h.spec().withExternallyProvisioned(false))),
            new Edit("disable inspection", h -> h.withAnnotations(h.annotations().withInspect(InspectRequest.DISABLED))),
            new Edit("request re-inspection", h -> h.withAnnotations(h.annotations().withInspect(InspectRequest.REINSPECT))),
            new Edit("detach", h -> h.withAnnotations(h.annotations().withDetached(Optional.of(new DetachRequest(false))))),
            new Edit("reattach", h -> h.withAnnotations(h.annotations().withDetached(Optional.empty()))),
            new Edit("pause", h -> h.withAnnotations(h.annotations().withPaused(true))),
            new Edit("unpause", h -> h.withAnnotations(h.annotations().withPaused(false))),
            new Edit("reboot", h -> h.withAnnotations(h.annotations().withReboots(List.of(new RebootRequest("", null))))),
            new Edit("delete", Host::markedForDeletion));

    static final List<SecretChange> SECRETS = List.of(
            new SecretChange("secret v1", goodCredentials()),
            new SecretChange("secret v2", changedCredentials()),
            new SecretChange("secret missing", missingSecret()),
            new SecretChange("provisioning limit reached", atProvisioningLimit()));

    static final List<Reconcile> RECONCILES = List.of(
            new Reconcile("success", LifecycleArbitraries::success),
            new Reconcile("failure", op -> new Outcome.Failed("boom")),
            new Reconcile("in progress", op -> new Outcome.InProgress(java.time.Duration.ofSeconds(10), "busy")),
            new Reconcile("back-end down", op -> new Outcome.Unavailable("ironic not ready")),
            new Reconcile("power stays on", op -> new Outcome.PowerState(true)),
            new Reconcile("power stays off", op -> new Outcome.PowerState(false)));

    /** True when {@code outcome} is the answer of a back-end for which {@code op} worked. */
    static boolean isSuccess(Operation op, Outcome outcome) {
        return switch (op) {
            case Operation.Register r -> outcome instanceof Outcome.Registered;
            case Operation.Inspect i -> outcome instanceof Outcome.Inspected;
            case Operation.PowerOn p -> outcome instanceof Outcome.PowerState ps && ps.poweredOn();
            case Operation.PowerOff p -> outcome instanceof Outcome.PowerState ps && !ps.poweredOn();
            case Operation.Reboot r -> outcome instanceof Outcome.Done || outcome instanceof Outcome.PowerState ps && ps.poweredOn();
            case Operation.ReadPower p -> outcome instanceof Outcome.PowerState;
            case Operation.Provision p -> outcome instanceof Outcome.Done;
            case Operation.Deprovision d -> outcome instanceof Outcome.Done;
            case Operation.Delete d -> outcome instanceof Outcome.Done;
            case Operation.Detach d -> outcome instanceof Outcome.Done;
        };
    }
}
