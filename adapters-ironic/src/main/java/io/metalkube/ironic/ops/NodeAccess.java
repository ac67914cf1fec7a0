package io.metalkube.ironic.ops;

import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.client.IronicClient;
import io.metalkube.ironic.client.IronicException;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every operation shares: finding a host's node (by provisioning ID, then by name — one GET in the steady
 * state), state changes, and turning Ironic's failures into outcomes with no password in them.
 */
public final class NodeAccess {

    private static final System.Logger LOG = System.getLogger(NodeAccess.class.getName());

    private final IronicClient client;
    private final OpsSettings settings;

    public NodeAccess(IronicClient client, OpsSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    IronicClient client() {
        return client;
    }

    OpsSettings settings() {
        return settings;
    }

    /** The host's node: by status.provisioning.ID when known, else by name {@code namespace~name}. */
    Optional<NodeJson> find(BackendTarget t) {
        if (!t.provisionerId().isEmpty()) {
            Optional<NodeJson> byId = client.findNode(t.provisionerId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        return client.findNode(NodeNames.of(t.host()));
    }

    void provisionState(NodeJson node, String target) {
        client.changeProvisionState(node.uuid(), Map.of("target", target));
    }

    void provisionState(NodeJson node, Map<String, Object> body) {
        client.changeProvisionState(node.uuid(), body);
    }

    NodeJson patch(NodeJson node, JsonPatch patch) {
        return patch.isEmpty() ? node : client.patchNode(node.uuid(), patch);
    }

    /** Leaves maintenance and goes back to manageable: metal3's recovery after a failed clean. */
    void recoverToManageable(NodeJson node) {
        if (node.maintenance()) {
            node = client.patchNode(node.uuid(), new JsonPatch().replace("/maintenance", false));
        }
        provisionState(node, "manage");
    }

    Outcome.InProgress progress(String detail) {
        return new Outcome.InProgress(settings.pollInterval(), detail);
    }

    Outcome.InProgress progress(Duration after, String detail) {
        return new Outcome.InProgress(after, detail);
    }

    /** Runs one operation, mapping Ironic's failures; scrubs the host's password out of any message. */
    Outcome guard(Operation op, Supplier<Outcome> body) {
        String password = op.target().credentials() == null ? null : op.target().credentials().password();
        try {
            Outcome outcome = body.get();
            return outcome instanceof Outcome.Failed f ? new Outcome.Failed(scrub(f.message(), password)) : outcome;
        } catch (IronicException.Unavailable e) {
            return new Outcome.Unavailable(scrub(e.getMessage(), password));
        } catch (IronicException.Busy e) {
            return progress(Duration.ofSeconds(3), scrub("Ironic node of host " + op.target().host() + " is locked; retrying: " + e.getMessage(), password));
        } catch (IronicException.Rejected e) {
            LOG.log(System.Logger.Level.DEBUG, () -> op.kind() + " of host " + op.target().host() + " rejected: " + scrub(e.getMessage(), password));
            return new Outcome.Failed(scrub(op.kind() + " of host " + op.target().host() + " failed: " + e.getMessage(), password));
        }
    }

    static String scrub(String message, String password) {
        if (message == null) {
            return "";
        }
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    static String describe(NodeJson node) {
        return "Ironic node " + (node.name() == null ? node.uuid() : node.name() + " (" + node.uuid() + ")");
    }
}
