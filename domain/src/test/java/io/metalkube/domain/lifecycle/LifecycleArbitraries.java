package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostBuilder;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;

/** Random hosts in any state, random observations and random back-end answers. */
final class LifecycleArbitraries {

    private LifecycleArbitraries() {
    }

    static Arbitrary<Host> anyHost() {
        Arbitrary<Image> images = Arbitraries.of(IMAGE, OTHER_IMAGE).injectNull(0.3);
        Arbitrary<CredentialsVersion> versions = Arbitraries.of(CREDENTIALS_V1, CREDENTIALS_V2).injectNull(0.3);
        Arbitrary<Failures> failures = net.jqwik.api.Combinators.combine(Arbitraries.of(ErrorType.class),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 600)).as(Failures::new).injectNull(0.5);
        Arbitrary<List<RebootRequest>> reboots = Arbitraries.of(
                List.<RebootRequest>of(), List.of(new RebootRequest("", null)), List.of(new RebootRequest("", RebootMode.HARD)),
                List.of(new RebootRequest("remediation", null)));
        return Builders.withBuilder(HostBuilder::aHost)
                .use(Arbitraries.of(ProvisioningState.class)).in((b, s) -> b.inState(s))
                .use(Arbitraries.of(BMC_ADDRESS, "", "ipmi://bad_host", "redfish://10.0.0.9/redfish/v1/Systems/1"))
                .in((b, a) -> a.isEmpty() ? b : b.withBmc(a))
                .use(versions).in((b, v) -> b.status(s -> s.withGoodCredentials(v)))
                .use(versions).in((b, v) -> b.status(s -> s.withTriedCredentials(v)))
                .use(Arbitraries.of("", NODE_ID)).in((b, id) -> b.status(s -> s.withProvisioning(s.provisioning().withId(id))))
                .use(Arbitraries.of(true, false)).in((b, on) -> on ? b.online() : b.offline())
                .use(images).in(HostBuilder::withImage)
                .use(images).in(HostBuilder::provisionedWith)
                .use(Arbitraries.of(true, false)).in((b, x) -> x ? b.externallyProvisioned() : b)
                .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3)).in(HostBuilder::poweredOn)
                .use(Arbitraries.of(OperationalStatus.class)).in(HostBuilder::operationalStatus)
                .use(Arbitraries.of(Optional.<DetachRequest>empty(), Optional.of(new DetachRequest(false)), Optional.of(new DetachRequest(true))))
                .in((b, d) -> d.isPresent() ? b.detached(d.get().force()) : b)
                .use(reboots).in((b, r) -> b.reboot(r.toArray(RebootRequest[]::new)))
                .use(Arbitraries.of(InspectRequest.class)).in(HostBuilder::inspect)
                .use(Arbitraries.of(false, false, false, true)).in((b, d) -> d ? b.deleting() : b)
                .use(failures).in((b, f) -> f == null ? b : b.failed(f.type(), f.count(), T0.minus(Duration.ofMinutes(f.minutesAgo()))))
                .build(HostBuilder::build);
    }

    /** Some number of recorded failures of one type, the last one some minutes before T0. */
    private record Failures(ErrorType type, int count, int minutesAgo) {
    }

    static Arbitrary<Observation> anyObservation() {
        Arbitrary<CredentialsCheck> creds = Arbitraries.of(
                new CredentialsCheck.Found(ADMIN, CREDENTIALS_V1), new CredentialsCheck.Found(ADMIN, CREDENTIALS_V2),
                new CredentialsCheck.Missing(SECRET), new CredentialsCheck.Invalid(SECRET, "no key password"),
                new CredentialsCheck.NotRequested());
        return net.jqwik.api.Combinators.combine(creds, Arbitraries.of(Capacity.class)).as(Observation::new);
    }

    static Arbitrary<Outcome> anyOutcome() {
        return Arbitraries.of(new Outcome.Done(), new Outcome.Registered("node-9"), new Outcome.Inspected(someHardware()),
                new Outcome.PowerState(true), new Outcome.PowerState(false), new Outcome.InProgress(Duration.ofSeconds(10), "busy"),
                new Outcome.Failed("boom"), new Outcome.Unavailable("back-end down"));
    }

    /** The answer a healthy back-end gives when {@code op} worked. */
    static Outcome success(Operation op) {
        return switch (op) {
            case Operation.Register r -> new Outcome.Registered(NODE_ID);
            case Operation.Inspect i -> new Outcome.Inspected(someHardware());
            case Operation.PowerOn p -> new Outcome.PowerState(true);
            case Operation.PowerOff p -> new Outcome.PowerState(false);
            case Operation.Reboot r -> new Outcome.PowerState(true);
            case Operation.ReadPower p -> new Outcome.PowerState(true);
            case Operation.Provision p -> new Outcome.Done();
            case Operation.Deprovision d -> new Outcome.Done();
            case Operation.Delete d -> new Outcome.Done();
            case Operation.Detach d -> new Outcome.Done();
        };
    }
}
