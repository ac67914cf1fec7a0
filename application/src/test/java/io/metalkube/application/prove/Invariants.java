package io.metalkube.application.prove;

import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claiming invariants, checked on the stores themselves (not on what the services believe). */
final class Invariants {

    private Invariants() {
    }

    /** Must hold after every single reconcile: no host with two owners, no Machine with two hosts. */
    static void everyStep(Site site) {
        Map<String, HostId> hostOfMachine = new HashMap<>();
        Map<HostId, Host> hosts = new HashMap<>();
        for (Host h : site.hosts.listAll()) {
            hosts.put(h.id(), h);
            if (h.spec().consumerRef() == null) {
                continue;
            }
            if (!"a".equals(h.labels().get("pool"))) {
                throw new AssertionError("host " + h.id() + " does not match any selector but was claimed by " + h.spec().consumerRef());
            }
            HostId other = hostOfMachine.put(h.spec().consumerRef().name(), h.id());
            if (other != null) {
                throw new AssertionError("double claim: " + h.spec().consumerRef() + " is the consumer of both " + other + " and " + h.id());
            }
        }
        for (MachineView m : site.machines.all()) {
            String believed = m.status().hostName();
            if (believed.isEmpty()) {
                continue;
            }
            Host h = hosts.get(new HostId(m.id().namespace(), believed));
            boolean released = m.deleting() && h != null && h.spec().consumerRef() == null;
            if (!released && (h == null || !m.consumerRef().sameObjectAs(h.spec().consumerRef()))) {
                throw new AssertionError("double claim: Machine " + m.id() + " reports host " + believed + " (phase "
                        + m.status().phase() + ") but that host's consumerRef is " + (h == null ? "(host gone)" : h.spec().consumerRef()));
            }
        }
    }

    /**
     * At quiescence: every Machine claimed when hosts suffice (otherwise every claimable host claimed), each
     * claimed host provisioned, and nothing half-claimed: a chosen-host annotation always matches the host's
     * consumerRef and vice versa.
     */
    static void atQuiescence(Site site, int machines, int claimableHosts) {
        everyStep(site);
        List<Host> hosts = site.hosts.listAll();
        List<MachineView> all = site.machines.all();
        long claimedHosts = hosts.stream().filter(h -> h.spec().consumerRef() != null).count();
        long expected = Math.min(machines, claimableHosts);
        if (claimedHosts != expected) {
            throw new AssertionError(claimedHosts + " hosts claimed at quiescence, expected " + expected + " (" + machines
                    + " Machines, " + claimableHosts + " claimable hosts)");
        }
        for (Host h : hosts) {
            if (h.spec().consumerRef() == null && (h.state() != ProvisioningState.AVAILABLE || site.fixture.image(h.id()) != null || h.spec().image() != null)) {
                throw new AssertionError("unclaimed host " + h.id() + " is not clean at quiescence: state " + h.state()
                        + ", spec image " + h.spec().image() + ", back-end image " + site.fixture.image(h.id()));
            }
        }
        for (MachineView m : all) {
            if (m.deleting()) {
                throw new AssertionError("Machine " + m.id() + " still waits for its release at quiescence: " + m.status());
            }
            Optional<Host> owned = hosts.stream().filter(h -> m.consumerRef().sameObjectAs(h.spec().consumerRef())).findFirst();
            Optional<HostId> chosen = m.chosenHost();
            if (owned.isPresent()) {
                Host h = owned.get();
                if (!chosen.equals(Optional.of(h.id()))) {
                    throw new AssertionError("half-claimed: host " + h.id() + " has consumerRef " + m.id()
                            + " but the Machine's chosen-host annotation is " + chosen.map(Object::toString).orElse("(none)"));
                }
                if (h.state() != ProvisioningState.PROVISIONED || !"Provisioned".equals(m.status().phase())) {
                    throw new AssertionError("Machine " + m.id() + " owns " + h.id() + " but at quiescence the host is "
                            + h.state() + " and the Machine phase is " + m.status().phase());
                }
                if (!Site.IMAGE_URL.equals(site.fixture.image(h.id()))) {
                    throw new AssertionError("host " + h.id() + " is provisioned in status but the back-end holds image " + site.fixture.image(h.id()));
                }
            } else {
                if (chosen.isPresent()) {
                    Host h = hosts.stream().filter(x -> x.id().equals(chosen.get())).findFirst().orElse(null);
                    throw new AssertionError("half-claimed: Machine " + m.id() + " carries the chosen-host annotation "
                            + chosen.get() + " but that host's consumerRef is " + (h == null ? "(host gone)" : h.spec().consumerRef()));
                }
                if (machines <= claimableHosts) {
                    throw new AssertionError("Machine " + m.id() + " was not claimed although " + claimableHosts
                            + " hosts suffice for " + machines + " Machines; status " + m.status());
                }
                if (!"NoHostAvailable".equals(m.status().errorReason())) {
                    throw new AssertionError("unclaimed Machine " + m.id() + " should say NoHostAvailable, says " + m.status());
                }
            }
        }
    }
}
