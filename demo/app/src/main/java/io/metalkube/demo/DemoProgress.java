package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;

import java.util.List;
import java.util.Optional;

/** When the demo moves on and when it is done, judged from what the API server shows. */
final class DemoProgress {

    private DemoProgress() {
    }

    /** At least one master and one node host are available: time to create the Machines. */
    static boolean profilesAvailable(List<HostRow> hosts) {
        return available(hosts, "master") && available(hosts, "node");
    }

    /** Every Machine (at least two) is the consumer of a provisioned, powered-on host, and says so in its status. */
    static boolean machinesProvisioned(List<HostRow> hosts, List<MachineRow> machines) {
        return machines.size() >= 2 && machines.stream().allMatch(m -> m.phase().equals("Provisioned")
                && ownedHost(hosts, m).map(h -> h.state().equals("provisioned") && h.power().equals("on")).orElse(false));
    }

    static Optional<HostRow> ownedHost(List<HostRow> hosts, MachineRow machine) {
        return hosts.stream().filter(h -> h.consumer().equals(machine.name())).findFirst();
    }

    static String whatIsMissing(List<HostRow> hosts, List<MachineRow> machines, boolean machinesCreated) {
        if (!machinesCreated) {
            return "no master and node host became available, so the Machines were never created (host states: "
                    + hosts.stream().map(h -> h.name() + "=" + (h.state().isEmpty() ? "(new)" : h.state())).toList() + ")";
        }
        return machines.stream().map(m -> ownedHost(hosts, m)
                        .map(h -> "Machine " + m.name() + " owns " + h.name() + " in state " + h.state() + ", power " + h.power()
                                + (h.error().isEmpty() ? "" : " (error: " + h.error() + ")"))
                        .orElse("Machine " + m.name() + " owns no host" + (m.error().isEmpty() ? "" : " (" + m.error() + ")")))
                .reduce((a, b) -> a + "; " + b).orElse("no Machines exist");
    }

    private static boolean available(List<HostRow> hosts, String profile) {
        return hosts.stream().anyMatch(h -> h.profile().equals(profile) && h.state().equals("available") && h.consumer().isEmpty());
    }
}
