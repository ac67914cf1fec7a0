package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo, end to end in-process: embedded API server, the operator's Micronaut wiring on the fixture
 * back-end (delays 20 times shorter than realistic), eight hosts, the seed's two Machines.
 */
class DemoEndToEndTest {

    @Test
    void bothSeedMachinesEndUpOwningProvisionedHostsOfTheirProfile() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoOptions options = new DemoOptions(false, Duration.ofSeconds(150), 20, 0, Path.of("unused.kubeconfig"), false);

        DemoCommand.Result result = DemoCommand.run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(result.exitCode()).as(output).isZero();
        assertThat(output).contains("Both Machines own provisioned, powered-on hosts", "HOST", "STATE", "CONSUMER", "POWER", "ERROR");
        assertThat(result.hosts()).hasSize(8);
        assertThat(result.machines()).hasSize(2);
        for (MachineRow machine : result.machines()) {
            HostRow host = DemoProgress.ownedHost(result.hosts(), machine).orElseThrow(() -> new AssertionError(machine + " owns no host"));
            assertThat(host.state()).as(machine.name()).isEqualTo("provisioned");
            assertThat(host.power()).as("the final table shows " + host.name() + " on").isEqualTo("on");
            assertThat(machine.phase()).isEqualTo("Provisioned");
            assertThat(machine.host()).isEqualTo(host.name());
            String profile = machine.name().startsWith("baremetal-master-") ? "master" : "node";
            assertThat(machine.name()).startsWith("baremetal-" + profile + "-");
            assertThat(host.profile()).as("the host claimed by " + machine.name()).isEqualTo(profile);
        }
        // The demo ends as soon as both Machines are served; the other hosts may still be enrolling (with the delays
        // 20 times shorter, the API write budget of 20 requests/s, not the back-end, paces them), never claimed or failed.
        assertThat(result.hosts()).filteredOn(h -> h.consumer().isEmpty()).hasSize(6)
                .allSatisfy(h -> {
                    assertThat(h.error()).as(h.name()).isEmpty();
                    assertThat(h.state()).as(h.name()).isIn("", "registering", "inspecting", "preparing", "available");
                });
    }

    @Test
    void aDemoThatCannotFinishInTimeExitsNonZeroAndSaysWhatIsMissing() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoOptions options = new DemoOptions(false, Duration.ofSeconds(1), 1, 0, Path.of("unused.kubeconfig"), false);

        DemoCommand.Result result = DemoCommand.run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("The demo timed out after 1 s: ", "--timeout=SECONDS");
    }
}
