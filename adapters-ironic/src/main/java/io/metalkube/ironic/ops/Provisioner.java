package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.client.ApiVersion;
import io.metalkube.ironic.driver.DriverMapping;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;
import io.metalkube.ironic.wire.ValidationJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.metalkube.ironic.ops.IronicStates.*;

/**
 * Port implementation (HostProvisioning), after metal3-anchors.md §2.3 "provisioning" and "deprovisioning":
 * manageable → provide (cleaning per automatedCleaningMode) → instance_info + root device hints + deploy interface →
 * validate → active with a config drive (and a custom deploy's step); and back: deleted → cleaning → available,
 * recovering from a failed clean.
 */
public final class Provisioner implements HostProvisioning {

    /** metal3's customDeployPriority (ironic.go). */
    private static final int CUSTOM_DEPLOY_PRIORITY = 80;

    private final NodeAccess access;
    private final DriverMapping mapping;
    private final ConfigDrive configDrive;
    /** Nodes whose deploy failure was already reported: the next attempt (after the lifecycle's backoff) retries. */
    private final Set<String> deployFailureReported = ConcurrentHashMap.newKeySet();

    public Provisioner(NodeAccess access, DriverMapping mapping, io.metalkube.ironic.SecretReader secrets) {
        this.access = access;
        this.mapping = mapping;
        this.configDrive = new ConfigDrive(secrets);
    }

    @Override
    public Outcome provision(Operation.Provision p) {
        return access.guard(p, () -> {
            BackendTarget t = p.target();
            if (p.hasCustomDeploy() && !access.client().version().atLeast(ApiVersion.DEPLOY_STEPS)) {
                return new Outcome.Failed("host " + t.host() + " asks for " + p.deployment() + ", but Ironic at " + access.client().endpoint()
                        + " speaks API " + access.client().version() + " and deploy steps need " + ApiVersion.DEPLOY_STEPS + " (Ironic 17.0); upgrade Ironic");
            }
            Optional<NodeJson> found = access.find(t);
            if (found.isEmpty()) {
                return new Outcome.Failed("host " + t.host() + " has no Ironic node to provision; it must be registered again");
            }
            NodeJson node = found.get();
            return switch (node.state()) {
                case MANAGEABLE -> {
                    syncCleaning(node, p.cleaningMode());
                    access.provisionState(node, "provide");
                    yield access.progress("preparing host " + t.host() + " (provide" + (p.cleaningMode() == AutomatedCleaningMode.DISABLED ? "" : ", cleaning") + ")");
                }
                case ENROLL -> {
                    access.provisionState(node, "manage");
                    yield access.progress("host " + t.host() + " is enrolled but not verified; verifying before provisioning");
                }
                case AVAILABLE -> deploy(p, node);
                case ACTIVE -> InstanceInfo.deployed(node, p.image(), p.customDeploy()) ? done(node)
                        : new Outcome.Failed("host " + t.host() + " is already active in Ironic with something else ("
                        + describeActive(node) + "); deprovision it before provisioning " + p.deployment());
                case DEPLOY_FAILED -> {
                    if (deployFailureReported.add(node.uuid())) {
                        yield new Outcome.Failed("provisioning " + p.deployment() + " on host " + t.host() + " failed: " + node.lastError());
                    }
                    yield deploy(p, node);
                }
                case CLEAN_FAILED -> {
                    access.recoverToManageable(node);
                    yield new Outcome.Failed("cleaning host " + t.host() + " before provisioning failed: " + node.lastError());
                }
                case ERROR, INSPECT_FAILED, ADOPT_FAILED -> new Outcome.Failed("host " + t.host() + " cannot be provisioned: its Ironic node is \""
                        + node.state() + "\": " + node.lastError());
                default -> access.progress("provisioning host " + t.host() + " (Ironic: " + node.state() + ")");
            };
        });
    }

    private Outcome done(NodeJson node) {
        deployFailureReported.remove(node.uuid());
        return new Outcome.Done();
    }

    private static String describeActive(NodeJson node) {
        Map<String, Object> ii = node.instanceInfo();
        Object what = ii.getOrDefault(InstanceInfo.CUSTOM_DEPLOY_KEY, ii.getOrDefault("boot_iso", ii.get("image_source")));
        return what == null ? "nothing MetalKube recorded" : String.valueOf(what);
    }

    /**
     * available → instance_info (and deploy interface), validate, active with a config drive (none for a live ISO,
     * as metal3) and, for a custom deploy, metal3's deploy step: {@code {interface: deploy, step: <method>, args: {},
     * priority: 80}} (ironic.go getCustomDeploySteps).
     */
    private Outcome deploy(Operation.Provision p, NodeJson node) {
        BackendTarget t = p.target();
        boolean liveIso = InstanceInfo.isLiveIso(p.image(), p.customDeploy());
        Map<String, Object> drive = null;
        if (!liveIso) {
            try {
                drive = configDrive.build(t.host(), node.uuid(), p.userData(), p.networkData(), p.metaData());
            } catch (ConfigDrive.SecretProblem e) {
                return new Outcome.Failed(e.getMessage());
            }
        }
        JsonPatch patch = InstanceInfo.patch(node, p.image(), p.bootMode(), p.rootDeviceHints(), p.customDeploy());
        deployInterfacePatch(node, p.hasCustomDeploy(), liveIso, patch);
        node = access.patch(node, patch);
        ValidationJson v = access.client().validate(node.uuid());
        StringBuilder problems = new StringBuilder();
        if (v.deploy() != null && v.deploy().failed()) {
            problems.append("deploy: ").append(v.deploy().reason());
        }
        if (v.boot() != null && v.boot().failed()) {
            problems.append(problems.isEmpty() ? "" : "; ").append("boot: ").append(v.boot().reason());
        }
        if (!problems.isEmpty()) {
            return new Outcome.Failed("Ironic cannot deploy host " + t.host() + " as configured: " + problems);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", "active");
        if (drive != null) {
            body.put("configdrive", drive);
        }
        if (p.hasCustomDeploy()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("interface", "deploy");
            step.put("step", p.customDeploy().method());
            step.put("args", Map.of());
            step.put("priority", CUSTOM_DEPLOY_PRIORITY);
            body.put("deploy_steps", List.of(step));
        }
        access.provisionState(node, body);
        return access.progress("deploying " + p.deployment() + " to host " + t.host());
    }

    /** Sets the deploy interface the provisioning needs; drops a ramdisk / custom-agent override for an image (metal3). */
    private void deployInterfacePatch(NodeJson node, boolean customDeploy, boolean liveIso, JsonPatch patch) {
        Optional<String> wanted = mapping.deployInterface(customDeploy, liveIso);
        if (wanted.isEmpty()) {
            return;
        }
        String have = node.deployInterface();
        if (wanted.get().isEmpty()) {
            if ("ramdisk".equals(have) || "custom-agent".equals(have)) {
                patch.remove("/deploy_interface");
            }
        } else if (!wanted.get().equals(have)) {
            patch.replace("/deploy_interface", wanted.get());
        }
    }

    private void syncCleaning(NodeJson node, AutomatedCleaningMode mode) {
        if (mode == null) {
            return;
        }
        boolean wanted = mode != AutomatedCleaningMode.DISABLED;
        if (!Objects.equals(node.automatedClean(), wanted)) {
            access.patch(node, new JsonPatch().replace("/automated_clean", wanted));
        }
    }

    @Override
    public Outcome deprovision(Operation.Deprovision d) {
        return access.guard(d, () -> {
            BackendTarget t = d.target();
            Optional<NodeJson> found = access.find(t);
            if (found.isEmpty()) {
                return new Outcome.Done();
            }
            NodeJson node = found.get();
            return switch (node.state()) {
                case ACTIVE, DEPLOY_FAILED, DEPLOY_WAIT, ERROR -> {
                    syncCleaning(node, d.cleaningMode());
                    access.provisionState(node, "deleted");
                    deployFailureReported.remove(node.uuid());
                    yield access.progress("deprovisioning host " + t.host());
                }
                case AVAILABLE, ENROLL, VERIFYING -> new Outcome.Done();
                case MANAGEABLE -> {
                    syncCleaning(node, d.cleaningMode());
                    access.provisionState(node, "provide");
                    yield access.progress("returning host " + t.host() + " to available");
                }
                case CLEAN_FAILED -> {
                    access.recoverToManageable(node);
                    yield new Outcome.Failed("cleaning host " + t.host() + " failed: " + node.lastError() + "; MetalKube retries the cleaning");
                }
                case INSPECT_FAILED, ADOPT_FAILED -> {
                    access.provisionState(node, "manage");
                    yield access.progress("recovering host " + t.host() + " from \"" + node.state() + "\"");
                }
                default -> access.progress("deprovisioning host " + t.host() + " (Ironic: " + node.state() + ")");
            };
        });
    }
}
