package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.InspectionMode;
import org.junit.jupiter.api.Test;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * spec.inspectionMode: disabled skips inspection (metal3's InspectionDisabled(): the inspect.metal3.io annotation
 * "disabled" or spec.inspectionMode disabled; handleRegistering goes to preparing, actionInspecting publishes
 * InspectionSkipped). agent and fast inspect.
 */
class InspectionModeTest {

    private static Host registered(InspectionMode mode) {
        return aHost().managed().inState(REGISTERING).spec(s -> s.withInspectionMode(mode)).build();
    }

    @Test
    void aRegisteredHostWithInspectionModeDisabledGoesToPreparingWithoutInspecting() {
        Decision d = plan(registered(InspectionMode.DISABLED));

        assertThat(d.status().state()).isEqualTo(PREPARING);
        assertThat(d.operation()).isEmpty();
    }

    @Test
    void theInjectedHardwareDetailsAreUsedWhenInspectionModeIsDisabled() {
        Host host = aHost().managed().inState(REGISTERING).spec(s -> s.withInspectionMode(InspectionMode.DISABLED))
                .hardwareDetailsAnnotation(someHardware()).build();

        assertThat(plan(host).status().hardware()).isEqualTo(someHardware());
    }

    @Test
    void agentAndFastInspect() {
        assertThat(plan(registered(InspectionMode.AGENT)).status().state()).isEqualTo(INSPECTING);
        assertThat(plan(registered(InspectionMode.FAST)).status().state()).isEqualTo(INSPECTING);
        assertThat(plan(registered(null)).status().state()).isEqualTo(INSPECTING);
    }

    @Test
    void aHostAlreadyInspectingWhenInspectionIsDisabledSkipsTheRestAndSaysSo() {
        Host host = aHost().managed().inState(INSPECTING).spec(s -> s.withInspectionMode(InspectionMode.DISABLED)).build();

        Decision d = plan(host);

        assertThat(d.operation()).isEmpty();
        assertThat(d.status().state()).isEqualTo(PREPARING);
        assertThat(reasons(d)).contains("InspectionSkipped");
    }

    @Test
    void aReinspectionRequestOnAHostWithInspectionDisabledIsTakenAndSkipped() {
        Host host = aHost().managed().inState(AVAILABLE).online().poweredOn(true).inspect(InspectRequest.REINSPECT)
                .spec(s -> s.withInspectionMode(InspectionMode.DISABLED)).build();

        Decision first = plan(host);
        Decision second = plan(apply(host, first));

        assertThat(first.effects()).contains(Effect.CLEAR_INSPECT_REQUEST);
        assertThat(second.operation()).isEmpty();
        assertThat(second.status().state()).isEqualTo(PREPARING);
        assertThat(reasons(second)).contains("InspectionSkipped");
    }
}
