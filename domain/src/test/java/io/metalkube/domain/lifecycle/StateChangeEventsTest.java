package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: each state change is in one event of the status write that stores it, without a generic event beside a specific one. */
class StateChangeEventsTest {

    @Test
    void aStepRaisesNoGenericEventItself() {
        Decision d = plan(aHost().withBmc().build());

        assertThat(d.transitions()).containsExactly(new Transition(NONE, REGISTERING));
        assertThat(reasons(d)).isEmpty();
    }

    @Test
    void aChangeWithoutAnEventOfItsOwnGetsAStateChangedEvent() {
        Decision d = plan(aHost().withBmc().build());

        assertThat(StateChangeEvents.of(List.of(d))).containsExactly(
                HostEvent.normal("StateChanged", "provisioning state changed from (none) to \"registering\""));
    }

    @Test
    void theSpecificEventOfTheStepCarriesTheChange() {
        Host inspecting = aHost().managed().inState(INSPECTING).build();
        Decision d = conclude(inspecting, new Outcome.Inspected(someHardware()));

        assertThat(StateChangeEvents.of(List.of(d))).containsExactly(HostEvent.normal("InspectionComplete",
                "Hardware inspection completed; provisioning state changed from \"inspecting\" to \"preparing\""));
    }

    @Test
    void stepsStoredInOneWriteReportTheirPathOnceOnTheLastNormalEventUpToTheLastChange() {
        Host inspecting = aHost().managed().inState(INSPECTING).build();
        Decision inspected = conclude(inspecting, new Outcome.Inspected(someHardware()));
        Host preparing = apply(inspecting, inspected);
        Decision prepared = plan(preparing);
        Decision powerRead = conclude(apply(preparing, prepared), new Outcome.PowerState(false));

        List<HostEvent> events = StateChangeEvents.of(List.of(inspected, prepared, powerRead));

        assertThat(prepared.transitions()).containsExactly(new Transition(PREPARING, AVAILABLE));
        assertThat(events).containsExactly(HostEvent.normal("InspectionComplete", "Hardware inspection completed; "
                + "provisioning state changed from \"inspecting\" to \"available\" (through \"preparing\")"));
    }

    @Test
    void theChangesAnEventReportsCanBeCountedFromIt() {
        List<Transition> path = List.of(new Transition(NONE, REGISTERING), new Transition(REGISTERING, INSPECTING),
                new Transition(INSPECTING, PREPARING), new Transition(PREPARING, AVAILABLE));
        for (int n = 1; n <= path.size(); n++) {
            Decision d = decision(HostStatus.initial(), path.subList(0, n), List.of(HostEvent.normal("Registered", "Registered new host")));
            assertThat(StateChangeEvents.changesReported(StateChangeEvents.of(List.of(d)).getFirst())).isEqualTo(n);
        }
        assertThat(StateChangeEvents.changesReported(HostEvent.normal("PowerOn", "Host powered on"))).isZero();
    }

    @Test
    void anEventAfterTheLastChangeOrAWarningDoesNotCarryIt() {
        HostStatus status = HostStatus.initial();
        Decision moved = decision(status, List.of(new Transition(REGISTERING, INSPECTING)),
                List.of(HostEvent.warning("RegistrationError", "it failed before")));
        Decision later = decision(status, List.of(), List.of(HostEvent.normal("PowerOn", "Host powered on")));

        assertThat(StateChangeEvents.of(List.of(moved, later))).containsExactly(
                HostEvent.warning("RegistrationError", "it failed before"),
                HostEvent.normal("PowerOn", "Host powered on"),
                HostEvent.normal("StateChanged", "provisioning state changed from \"registering\" to \"inspecting\""));
    }

    @Test
    void withoutAChangeTheEventsAreThoseRaised() {
        Decision d = decision(HostStatus.initial(), List.of(), List.of(HostEvent.normal("PowerOff", "Host powered off")));

        assertThat(StateChangeEvents.of(List.of(d))).containsExactly(HostEvent.normal("PowerOff", "Host powered off"));
        assertThat(StateChangeEvents.of(List.of())).isEmpty();
    }

    @Test
    void onlyWorkThatChangesTheHostWaitsForItsStateToBeStored() {
        BackendTarget t = Lifecycle.Access.of(aHost().managed().build(), goodCredentials()).target();

        assertThat(new Operation.Inspect(t).recordsStateFirst()).isTrue();
        assertThat(plan(aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE).build()).operation())
                .hasValueSatisfying(op -> assertThat(op).isInstanceOf(Operation.Provision.class).matches(Operation::recordsStateFirst));
        assertThat(new Operation.Deprovision(t, null).recordsStateFirst()).isTrue();
        assertThat(new Operation.Delete(t).recordsStateFirst()).isTrue();
        assertThat(new Operation.Detach(t).recordsStateFirst()).isTrue();
        assertThat(new Operation.ReadPower(t).recordsStateFirst()).isFalse();
        assertThat(new Operation.PowerOn(t).recordsStateFirst()).isFalse();
        assertThat(new Operation.PowerOff(t, PowerOffMode.SOFT).recordsStateFirst()).isFalse();
        assertThat(plan(aHost().withBmc().inState(REGISTERING).build()).operation())
                .hasValueSatisfying(op -> assertThat(op).isInstanceOf(Operation.Register.class).matches(o -> !o.recordsStateFirst()));
    }

    private static Decision decision(HostStatus status, List<Transition> transitions, List<HostEvent> events) {
        return new Decision(status, transitions, events, List.of(), Optional.empty(), Optional.empty());
    }
}
