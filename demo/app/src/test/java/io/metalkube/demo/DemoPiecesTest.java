package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's options, table, progress rules and the seed Machines it creates. */
class DemoPiecesTest {

    @Test
    void theDemoCreatesTheSeedMachinesExactlyAsDeploySamplesShipThem() throws Exception {
        Path deploySample = Path.of("").toAbsolutePath().getParent().getParent().resolve("deploy/samples/machines.yaml");
        String packaged = new String(DemoCommand.class.getResourceAsStream(DemoCommand.SEED_MACHINES).readAllBytes());
        assertThat(packaged).isEqualTo(Files.readString(deploySample));
        assertThat(DemoCluster.documents(DemoCommand.SEED_MACHINES)).hasSize(2)
                .allSatisfy(d -> assertThat(d).contains("kind: Machine", "generateName: baremetal-", "kind: \"BareMetalProviderConfig\""));
    }

    @Test
    void optionsParseAndRejectUnknownOnes() {
        DemoOptions o = DemoOptions.parse(new String[] {"--hold", "--fast", "--timeout=30", "--port=8085", "--kubeconfig=/tmp/k"}, false);
        assertThat(o.hold()).isTrue();
        assertThat(o.speedup()).isEqualTo(10);
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.port()).isEqualTo(8085);
        assertThat(o.kubeconfig()).isEqualTo(Path.of("/tmp/k"));

        DemoOptions d = DemoOptions.parse(new String[0], true);
        assertThat(d.hold()).isFalse();
        assertThat(d.speedup()).isEqualTo(1);
        assertThat(d.live()).isTrue();
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--holdd"}, false)).hasMessageContaining("unknown demo option \"--holdd\"")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--timeout=soon"}, false)).hasMessageContaining("whole number");
    }

    @Test
    void theTableAlignsColumnsAndShortensLongErrors() {
        String table = ProgressTable.render(
                List.of(new HostRow("host-0", "master", "provisioned", "baremetal-master-abc", "on", ""),
                        new HostRow("host-10", "node", "", "", "", "x".repeat(80))),
                List.of(new MachineRow("baremetal-master-abc", "Provisioned", "host-0", "")));
        assertThat(table).isEqualTo("""
                HOST     PROFILE  STATE        CONSUMER              POWER  ERROR
                host-0   master   provisioned  baremetal-master-abc  on
                host-10  node     (new)                                     %s…

                MACHINE               PHASE        HOST    ERROR
                baremetal-master-abc  Provisioned  host-0
                """.formatted("x".repeat(59)));
    }

    @Test
    void machinesAreCreatedOnceBothProfilesHaveAnAvailableHostAndDoneNeedsBothProvisioned() {
        HostRow master = new HostRow("h0", "master", "available", "", "off", "");
        HostRow node = new HostRow("h1", "node", "inspecting", "", "", "");
        assertThat(DemoProgress.profilesAvailable(List.of(master, node))).isFalse();
        assertThat(DemoProgress.profilesAvailable(List.of(master, new HostRow("h1", "node", "available", "", "off", "")))).isTrue();

        List<HostRow> hosts = List.of(new HostRow("h0", "master", "provisioned", "m", "on", ""),
                new HostRow("h1", "node", "provisioning", "n", "on", ""));
        List<MachineRow> machines = List.of(new MachineRow("m", "Provisioned", "h0", ""), new MachineRow("n", "Provisioning", "h1", ""));
        assertThat(DemoProgress.machinesProvisioned(hosts, machines)).isFalse();
        assertThat(DemoProgress.whatIsMissing(hosts, machines, true)).contains("Machine n owns h1 in state provisioning");
        assertThat(DemoProgress.whatIsMissing(hosts, List.of(), false)).contains("Machines were never created");
        List<HostRow> done = List.of(hosts.get(0), new HostRow("h1", "node", "provisioned", "n", "on", ""));
        assertThat(DemoProgress.machinesProvisioned(done, List.of(machines.get(0), new MachineRow("n", "Provisioned", "h1", "")))).isTrue();
    }

    @Test
    void aLogGetsATableOnlyOnAChangeATerminalAlsoOnceASecond() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        ProgressTable piped = new ProgressTable(new java.io.PrintStream(log, true), false);
        List<HostRow> hosts = List.of(new HostRow("h0", "master", "registering", "", "", ""));
        piped.show("t", Duration.ofMillis(100), hosts, List.of());
        piped.show("t", Duration.ofMillis(5000), hosts, List.of());
        piped.show("t", Duration.ofMillis(5100), List.of(new HostRow("h0", "master", "inspecting", "", "", "")), List.of());
        assertThat(log.toString().split("t   \\(", -1)).as("two tables").hasSize(3);

        java.io.ByteArrayOutputStream tty = new java.io.ByteArrayOutputStream();
        ProgressTable live = new ProgressTable(new java.io.PrintStream(tty, true), true);
        live.show("t", Duration.ofMillis(100), hosts, List.of());
        live.show("t", Duration.ofMillis(600), hosts, List.of());
        live.show("t", Duration.ofMillis(1200), hosts, List.of());
        assertThat(tty.toString().split("\033\\[H", -1)).hasSize(3);
    }
}
