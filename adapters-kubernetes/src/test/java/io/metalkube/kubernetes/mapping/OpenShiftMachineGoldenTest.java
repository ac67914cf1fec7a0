package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import io.metalkube.kubernetes.crd.OpenShiftMachineStatus;
import io.metalkube.kubernetes.support.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golden/openshift-machines.yaml (a machine.openshift.io Machine in, the claim request or the error out) and
 * golden/openshift-machine-status.yaml (the claimer's status out as OpenShift shows it, and read back unchanged).
 */
class OpenShiftMachineGoldenTest {

    @TestFactory
    Stream<DynamicTest> machinesToClaimRequests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Golden.read("openshift-machines.yaml")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> checkMachine(c)));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    private static void checkMachine(JsonNode c) throws Exception {
        OpenShiftMachine m = Golden.YAML.treeToValue(c.get("machine"), OpenShiftMachine.class);
        MachineView view = OpenShiftMachineMapper.toView(m);
        String ns = m.getMetadata().getNamespace();
        ConsumerRef consumer = new ConsumerRef("machine.openshift.io/v1beta1", "Machine", ns, m.getMetadata().getName());
        assertThat(view.consumerRef()).as("consumerRef written on the host, as CAPBM's provisionHost writes it").isEqualTo(consumer);
        JsonNode e = c.get("expect");
        if (e.has("invalid")) {
            assertThat(view.config()).isInstanceOf(ProviderConfig.Invalid.class);
            assertThat(((ProviderConfig.Invalid) view.config()).message()).contains(e.get("invalid").asText());
            return;
        }
        assertThat(view.config()).as("valid, not %s", view.config()).isInstanceOf(ProviderConfig.Valid.class);
        ClaimRequest r = ((ProviderConfig.Valid) view.config()).request();
        assertThat(r.consumer()).isEqualTo(consumer);
        assertThat(r.namespace()).isEqualTo(ns);
        assertThat(r.selector().toString()).isEqualTo(e.get("selector").asText());
        assertThat(r.image() == null ? null : r.image().url()).isEqualTo(text(e.get("image")));
        assertThat(r.userData() == null ? null : r.userData().namespace() + "/" + r.userData().name()).isEqualTo(text(e.get("userData")));
        assertThat(view.chosenHost().map(MachineMapper::chosenHost).orElse(null)).isEqualTo(text(e.get("chosenHost")));
        assertThat(r.customDeploy() == null ? null : r.customDeploy().method()).isEqualTo(text(e.get("customDeploy")));
    }

    @TestFactory
    Stream<DynamicTest> statusToTheWireAndBack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Golden.read("openshift-machine-status.yaml")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> checkStatus(c)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(7);
        return tests.stream();
    }

    private static void checkStatus(JsonNode c) throws Exception {
        JsonNode s = c.get("status");
        List<String> addresses = new ArrayList<>();
        s.get("addresses").forEach(a -> addresses.add(a.asText()));
        MachineStatus status = new MachineStatus(s.get("hostName").asText(), s.get("phase").asText(), addresses,
                s.get("errorReason").asText(), s.get("errorMessage").asText());
        OpenShiftMachineStatus previous = c.get("previous").isNull() ? null
                : Golden.YAML.treeToValue(c.get("previous"), OpenShiftMachineStatus.class);
        OpenShiftMachineStatus wire = OpenShiftMachineMapper.toWire(status, previous);
        assertThat(Json.tree(wire)).isEqualTo(normalized(c.get("wire")));
        var annotation = MachineMapper.chosenHost(text(c.get("annotation")));
        assertThat(OpenShiftMachineMapper.status(wire, annotation)).as("read back").isEqualTo(status);
    }

    /** The expected YAML as Jackson writes the wire type (synchronizedGeneration as a number, not YAML's int). */
    private static JsonNode normalized(JsonNode expected) throws Exception {
        return Json.tree(Golden.YAML.treeToValue(expected, OpenShiftMachineStatus.class));
    }

    @Test
    void noStatusReadsAsEmptyAndWaitingForAHostIsRecognised() {
        assertThat(OpenShiftMachineMapper.status(null, Optional.empty())).isEqualTo(MachineStatus.empty());
        OpenShiftMachine m = new OpenShiftMachine();
        m.setStatus(new OpenShiftMachineStatus());
        assertThat(OpenShiftMachineMapper.waitingForHost(m)).isFalse();
        m.getStatus().errorReason = "InsufficientResources";
        assertThat(OpenShiftMachineMapper.waitingForHost(m)).isTrue();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
