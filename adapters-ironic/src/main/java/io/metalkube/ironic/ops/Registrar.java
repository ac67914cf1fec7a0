package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.driver.DriverMapping;
import io.metalkube.ironic.driver.IronicDriver;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;
import io.metalkube.ironic.wire.PortJson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.metalkube.ironic.ops.IronicStates.*;

/**
 * Port implementation (HostRegistration): enrols a host as an Ironic node (or takes over the node Ironic already has
 * for its BMC) and proves its BMC credentials (enroll → manage, which runs Ironic's "verifying"), adopts provisioned
 * hosts, and deletes or detaches nodes. Calls per metal3-anchors.md §2.3 "registering" and "deleting".
 */
public final class Registrar implements HostRegistration {

    private final NodeAccess access;
    private final DriverMapping mapping;
    private final DriverSync sync;
    private final NodeIndex index;

    public Registrar(NodeAccess access, DriverMapping mapping, DriverSync sync) {
        this.access = access;
        this.mapping = mapping;
        this.sync = sync;
        this.index = new NodeIndex(access.client(), Clock.systemUTC());
    }

    @Override
    public Outcome register(Operation.Register r) {
        return access.guard(r, () -> {
            BackendTarget t = r.target();
            if (t.address() == null || t.credentials() == null) {
                return new Outcome.Failed("host " + t.host() + " has no usable BMC address or credentials; fix spec.bmc and its Secret");
            }
            IronicDriver driver = mapping.map(t.address(), t.credentials(), t.disableCertificateVerification());
            Lookup lookup = lookUp(t, driver);
            if (lookup.refusal() != null) {
                return lookup.refusal();
            }
            Optional<NodeJson> found = lookup.node();
            boolean changed;
            NodeJson node;
            if (found.isEmpty() || !driver.driver().equals(found.get().driver())) {
                DriverSupport.Result support = DriverSupport.check(access.client(), access.client().endpoint(), driver, t);
                if (support instanceof DriverSupport.Unsupported u) {
                    return new Outcome.Failed(u.message());
                }
                driver = ((DriverSupport.Supported) support).driver();
            }
            if (found.isEmpty()) {
                node = create(t, driver, r.cleaningMode());
                changed = true;
            } else {
                JsonPatch patch = sync.patchFor(found.get(), driver, t.credentials());
                String name = NodeNames.of(t.host());
                if (found.get().name() == null || !found.get().name().contains("~")) {
                    patch.replace("/name", name); // a node someone else enrolled is now this host's (metal3 names it too)
                }
                changed = !patch.isEmpty();
                node = access.patch(found.get(), patch);
                if (changed) {
                    index.invalidate();
                }
            }
            return advance(r, node, changed);
        });
    }

    private record Lookup(Optional<NodeJson> node, Outcome.Failed refusal) {
    }

    /**
     * The host's node: by provisioning ID (a discovered host carries the UUID of the node it came from), by name, by
     * boot MAC (a port), and last by BMC address, so that a host for a BMC Ironic already knows never enrols a second
     * node. A MAC or BMC owned by another host's node is a registration error.
     */
    private Lookup lookUp(BackendTarget t, IronicDriver driver) {
        Optional<NodeJson> found = access.find(t);
        if (found.isPresent()) {
            return new Lookup(found, null);
        }
        if (!t.bootMacAddress().isEmpty()) {
            for (PortJson port : access.client().portsWithAddress(t.bootMacAddress())) {
                Optional<NodeJson> owner = access.client().findNode(port.nodeUuid());
                if (owner.isPresent() && ownedByAnother(owner.get(), t)) {
                    return new Lookup(Optional.empty(), new Outcome.Failed("boot MAC " + t.bootMacAddress() + " of host " + t.host()
                            + " already belongs to " + NodeAccess.describe(owner.get()) + "; fix spec.bootMACAddress or delete the other host"));
                }
                if (owner.isPresent()) {
                    found = owner;
                }
            }
            if (found.isPresent()) {
                return new Lookup(found, null);
            }
        }
        Optional<String> endpoint = BmcEndpoints.key(driver.publicDriverInfo());
        if (endpoint.isEmpty()) {
            return new Lookup(Optional.empty(), null);
        }
        List<NodeJson> same = new ArrayList<>();
        for (NodeJson candidate : index.nodesFor(endpoint.get())) {
            access.client().findNode(candidate.uuid()) // read again: the listing may be a few seconds old
                    .filter(n -> BmcEndpoints.key(n.driverInfo()).equals(endpoint))
                    .ifPresent(same::add);
        }
        Optional<NodeJson> owned = same.stream().filter(n -> ownedByAnother(n, t)).findFirst();
        if (owned.isPresent()) {
            return new Lookup(Optional.empty(), new Outcome.Failed("the BMC " + t.address() + " of host " + t.host() + " is already managed as "
                    + NodeAccess.describe(owned.get()) + "; two hosts cannot share one BMC (and system): fix spec.bmc.address or delete the other host"));
        }
        if (same.size() > 1) {
            return new Lookup(Optional.empty(), new Outcome.Failed("Ironic already has " + same.size() + " nodes for the BMC " + t.address()
                    + " of host " + t.host() + " (" + same.stream().map(NodeJson::uuid).collect(Collectors.joining(", "))
                    + "); delete the extra nodes in Ironic so that MetalKube can take over the remaining one"));
        }
        return new Lookup(same.stream().findFirst(), null);
    }

    /** A node named for another MetalKube host ({@code namespace~name}). */
    private static boolean ownedByAnother(NodeJson node, BackendTarget t) {
        return node.name() != null && node.name().contains("~") && !node.name().equals(NodeNames.of(t.host()));
    }

    private NodeJson create(BackendTarget t, IronicDriver driver, AutomatedCleaningMode cleaning) {
        Boolean automatedClean = cleaning == null ? null : cleaning != AutomatedCleaningMode.DISABLED;
        NodeJson node = access.client().createNode(sync.createBody(NodeNames.of(t.host()), driver, t.credentials(), automatedClean));
        index.invalidate();
        if (!t.bootMacAddress().isEmpty()) {
            access.client().createPort(node.uuid(), t.bootMacAddress());
        }
        return node;
    }

    private Outcome advance(Operation.Register r, NodeJson node, boolean changed) {
        BackendTarget t = r.target();
        boolean provisioned = r.currentState() == ProvisioningState.PROVISIONED || r.currentState() == ProvisioningState.EXTERNALLY_PROVISIONED;
        return switch (node.state()) {
            case ENROLL -> {
                if (MANAGEABLE.equals(node.targetProvisionState())) {
                    yield access.progress("verifying BMC access of host " + t.host());
                }
                if (node.hasError() && !changed) {
                    access.provisionState(node, "manage"); // try again; the result shows on the next call
                    yield new Outcome.Failed("Ironic could not verify the BMC of host " + t.host() + " (" + t.address()
                            + "): " + node.lastError() + "; check spec.bmc.address and the credentials Secret");
                }
                access.provisionState(node, "manage");
                yield access.progress("verifying BMC access of host " + t.host());
            }
            case VERIFYING -> access.progress("verifying BMC access of host " + t.host());
            case MANAGEABLE -> provisioned ? adopt(r, node) : new Outcome.Registered(node.uuid());
            case ADOPTING -> access.progress("adopting host " + t.host());
            case ADOPT_FAILED -> {
                access.provisionState(node, "adopt");
                yield new Outcome.Failed("Ironic could not adopt provisioned host " + t.host() + ": " + node.lastError());
            }
            default -> new Outcome.Registered(node.uuid());
        };
    }

    /** A provisioned host whose node was lost (or is new): adopt it, so Ironic treats it as active without deploying. */
    private Outcome adopt(Operation.Register r, NodeJson node) {
        JsonPatch patch = new JsonPatch();
        if (r.currentImage() != null && r.currentImage().hasUrl()) {
            patch.add("/instance_info/image_source", r.currentImage().url());
        }
        access.patch(node, patch);
        access.provisionState(node, "adopt");
        return access.progress("adopting provisioned host " + r.target().host());
    }

    @Override
    public Outcome delete(Operation.Delete d) {
        return access.guard(d, () -> remove(d.target(), "deleting"));
    }

    @Override
    public Outcome detach(Operation.Detach d) {
        return access.guard(d, () -> remove(d.target(), "detaching"));
    }

    /** Maintenance on, then DELETE; waits out transient states, aborts the waits that would never end. */
    private Outcome remove(BackendTarget t, String what) {
        Optional<NodeJson> found = access.find(t);
        if (found.isEmpty()) {
            return new Outcome.Done();
        }
        NodeJson node = found.get();
        if (node.state().equals(CLEAN_WAIT) || node.state().equals(INSPECT_WAIT)) {
            access.provisionState(node, "abort");
            return access.progress(what + " host " + t.host() + ": aborting Ironic's " + node.state());
        }
        if (TRANSIENT.contains(node.state()) && !node.state().equals(DEPLOY_WAIT)) {
            return access.progress(what + " host " + t.host() + ": waiting for Ironic to finish " + node.state());
        }
        if (!node.maintenance() && !node.state().equals(ENROLL)) {
            access.client().setMaintenance(node.uuid(), "MetalKube is " + what + " host " + t.host());
        }
        access.client().deleteNode(node.uuid());
        return new Outcome.Done();
    }
}
