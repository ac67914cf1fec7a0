package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.HostInspection;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.wire.NodeJson;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.metalkube.ironic.ops.IronicStates.*;

/**
 * Port implementation (HostInspection): manage → inspect, poll, then read the node's properties and (API ≥ 1.81)
 * its inventory into hardware details (metal3-anchors.md §2.3 "inspecting"). An inspection counts as finished when
 * the node is manageable again with a newer {@code inspection_finished_at} than before it started.
 */
public final class Inspector implements HostInspection {

    private static final String NONE = "";

    private final NodeAccess access;
    /** Node UUID → inspection_finished_at before MetalKube started an inspection (NONE if there was none). */
    private final Map<String, String> started = new ConcurrentHashMap<>();
    /** Nodes that came back from available for a re-inspection: their old results do not count. */
    private final Map<String, Boolean> reinspect = new ConcurrentHashMap<>();

    public Inspector(NodeAccess access) {
        this.access = access;
    }

    @Override
    public Outcome inspect(Operation.Inspect i) {
        return access.guard(i, () -> {
            BackendTarget t = i.target();
            Optional<NodeJson> found = access.find(t);
            if (found.isEmpty()) {
                return new Outcome.Failed("host " + t.host() + " has no Ironic node to inspect; it must be registered again");
            }
            NodeJson node = found.get();
            if (node.targetProvisionState() != null && !node.state().endsWith("failed")) {
                return access.progress("inspecting host " + t.host() + " (Ironic: " + node.state() + ")");
            }
            return switch (node.state()) {
                case MANAGEABLE -> manageable(t, node);
                case INSPECTING, INSPECT_WAIT, VERIFYING -> access.progress("inspecting host " + t.host() + " (Ironic: " + node.state() + ")");
                case INSPECT_FAILED -> {
                    started.remove(node.uuid());
                    access.provisionState(node, "manage"); // so the next attempt starts from manageable
                    yield new Outcome.Failed("inspection of host " + t.host() + " failed in Ironic: " + node.lastError() + hint(node.lastError()));
                }
                case ENROLL -> {
                    access.provisionState(node, "manage");
                    yield access.progress("host " + t.host() + " is enrolled but not verified; verifying before inspection");
                }
                case AVAILABLE -> {
                    reinspect.put(node.uuid(), true);
                    access.provisionState(node, "manage");
                    yield access.progress("moving host " + t.host() + " to manageable for inspection");
                }
                default -> new Outcome.Failed("cannot inspect host " + t.host() + " while its Ironic node is \"" + node.state()
                        + "\"" + (node.hasError() ? ": " + node.lastError() : ""));
            };
        });
    }

    /**
     * Out-of-band Redfish inspection reads Processors, Memory and storage from the BMC; a BMC (or emulator, like
     * sushy-tools' fake driver) without them fails at once with sushy's MissingAttributeError, every time. Say what
     * the operator can do instead of leaving them to a retry that cannot succeed.
     */
    static String hint(String lastError) {
        if (lastError == null || !lastError.contains("is missing from the resource")) {
            return "";
        }
        return ". The BMC's Redfish service lacks what Ironic's out-of-band inspection reads; inspect this host another way"
                + " (an agent inspect interface) or skip inspection: set the annotation inspect.metal3.io: disabled"
                + " (optionally with inspect.metal3.io/hardwaredetails) or spec.inspectionMode: disabled";
    }

    private Outcome manageable(BackendTarget t, NodeJson node) {
        String before = started.get(node.uuid());
        String finishedAt = node.inspectionFinishedAt() == null ? NONE : node.inspectionFinishedAt();
        boolean finishedNow = before != null && !Objects.equals(before, finishedAt);
        boolean finishedEarlier = before == null && !finishedAt.equals(NONE) && !reinspect.containsKey(node.uuid());
        if (finishedNow || finishedEarlier) {
            started.remove(node.uuid());
            reinspect.remove(node.uuid());
            Optional<Map<?, ?>> inventory = access.client().inventory(node.uuid());
            return new Outcome.Inspected(HardwareMapper.details(node, inventory.orElse(Map.of()), t.bootMacAddress()));
        }
        if (before == null) {
            started.put(node.uuid(), finishedAt);
            reinspect.remove(node.uuid());
            access.provisionState(node, "inspect");
            return access.progress("inspection of host " + t.host() + " started");
        }
        if (node.hasError()) {
            started.remove(node.uuid());
            return new Outcome.Failed("inspection of host " + t.host() + " did not finish: " + node.lastError());
        }
        return access.progress("waiting for Ironic to start inspecting host " + t.host());
    }
}
