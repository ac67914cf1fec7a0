package io.metalkube.kubernetes.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** client-go's EventCorrelator, as far as writes go: repeats raise a count, floods of similar events are combined. */
class EventCorrelatorTest {

    private static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    private static final String HOST = "BareMetalHost/default/host-0/uid-0";

    @Test
    void aRepeatOfTheSameEventUpdatesTheCountOfTheOneAlreadyRecorded() {
        EventCorrelator c = new EventCorrelator();
        EventCorrelator.Decision first = c.decide(HOST, "Warning", "BackendUnavailable", "ironic down", T0);
        assertThat(first).isInstanceOf(EventCorrelator.Create.class);
        c.written(HOST, "Warning", "BackendUnavailable", "ironic down", first, "host-0.a", T0.toString());

        for (int n = 2; n <= 5; n++) {
            EventCorrelator.Decision d = c.decide(HOST, "Warning", "BackendUnavailable", "ironic down", T0.plusSeconds(n));
            assertThat(d).isEqualTo(new EventCorrelator.Update("host-0.a", n, T0.toString(), "ironic down"));
            c.written(HOST, "Warning", "BackendUnavailable", "ironic down", d, "host-0.a", T0.toString());
        }
    }

    @Test
    void differentMessagesReasonsOrObjectsAreDifferentEvents() {
        EventCorrelator c = new EventCorrelator();
        c.written(HOST, "Normal", "StateChanged", "from registering to inspecting",
                c.decide(HOST, "Normal", "StateChanged", "from registering to inspecting", T0), "e1", T0.toString());
        assertThat(c.decide(HOST, "Normal", "StateChanged", "from inspecting to preparing", T0)).isInstanceOf(EventCorrelator.Create.class);
        assertThat(c.decide(HOST, "Normal", "Registered", "from registering to inspecting", T0)).isInstanceOf(EventCorrelator.Create.class);
        assertThat(c.decide("BareMetalHost/default/host-1/uid-1", "Normal", "StateChanged", "from registering to inspecting", T0))
                .isInstanceOf(EventCorrelator.Create.class);
    }

    @Test
    void moreThanTenSimilarEventsInTenMinutesAreCombinedIntoOneWhoseCountRises() {
        EventCorrelator c = new EventCorrelator();
        for (int i = 1; i <= EventCorrelator.MAX_SIMILAR; i++) {
            EventCorrelator.Decision d = c.decide(HOST, "Warning", "RegistrationError", "attempt " + i, T0.plusSeconds(i));
            assertThat(d).isInstanceOf(EventCorrelator.Create.class);
            c.written(HOST, "Warning", "RegistrationError", "attempt " + i, d, "e" + i, T0.toString());
        }
        EventCorrelator.Decision eleventh = c.decide(HOST, "Warning", "RegistrationError", "attempt 11", T0.plusSeconds(11));
        assertThat(eleventh).isEqualTo(new EventCorrelator.Create(EventCorrelator.COMBINED + "attempt 11"));
        c.written(HOST, "Warning", "RegistrationError", "attempt 11", eleventh, "combined", T0.toString());
        EventCorrelator.Decision twelfth = c.decide(HOST, "Warning", "RegistrationError", "attempt 12", T0.plusSeconds(12));
        assertThat(twelfth).isEqualTo(new EventCorrelator.Update("combined", 2, T0.toString(), EventCorrelator.COMBINED + "attempt 12"));

        EventCorrelator later = new EventCorrelator();
        for (int i = 1; i <= 11; i++) {
            Instant at = T0.plus(EventCorrelator.SIMILAR_WINDOW.plus(Duration.ofSeconds(1)).multipliedBy(i));
            EventCorrelator.Decision d = later.decide(HOST, "Warning", "RegistrationError", "attempt " + i, at);
            assertThat(d).as("similar events spread over more than ten minutes each stay apart").isInstanceOf(EventCorrelator.Create.class);
            later.written(HOST, "Warning", "RegistrationError", "attempt " + i, d, "e" + i, at.toString());
        }
    }

    @Test
    void anEventTheServerNoLongerHasIsCreatedAgain() {
        EventCorrelator c = new EventCorrelator();
        c.written(HOST, "Normal", "PowerOn", "host powered on", c.decide(HOST, "Normal", "PowerOn", "host powered on", T0), "gone", T0.toString());
        c.forget("gone");
        assertThat(c.decide(HOST, "Normal", "PowerOn", "host powered on", T0.plusSeconds(1))).isInstanceOf(EventCorrelator.Create.class);
    }
}
