package io.metalkube.application.service;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.InspectionMode;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** spec.inspectionMode: disabled, through the use case and the fixture back-end: available without any inspection. */
class InspectionDisabledTest {

    @Test
    void aHostWithInspectionDisabledBecomesAvailableWithoutBeingInspected() {
        World world = new World();
        Host h = world.addHost("no-inspect", Map.of());
        world.hosts.edit(h.id(), x -> x.withSpec(x.spec().withInspectionMode(InspectionMode.DISABLED)));
        Host inspected = world.addHost("inspected", Map.of());

        assertThat(world.runUntil(() -> world.hosts.listAll().stream().allMatch(x -> x.state() == ProvisioningState.AVAILABLE), 200)).isTrue();

        assertThat(world.backend.calls("inspect")).as("only the other host was inspected").isPositive();
        assertThat(world.host("no-inspect").status().hardware()).isNull();
        assertThat(world.host("inspected").status().hardware()).isNotNull();
        assertThat(world.events.reasons(h.id())).doesNotContain("InspectionComplete");
        assertThat(world.events.reasons(inspected.id())).contains("InspectionComplete");
    }
}
