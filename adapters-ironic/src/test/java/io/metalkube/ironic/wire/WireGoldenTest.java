package io.metalkube.ironic.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden tests: Ironic 21.4's JSON, as captured from the real API, decoded into the wire records; malformed input refused. */
class WireGoldenTest {

    static String golden(String name) {
        try (InputStream in = WireGoldenTest.class.getResourceAsStream("/wire/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anActiveNodeDecodesWithEveryFieldWeRead() {
        NodeJson n = Wire.parse(golden("node-active.json"), NodeJson.class);
        assertThat(n.uuid()).isEqualTo("b9359892-5396-491b-adc0-43bfa8d51c32");
        assertThat(n.name()).isEqualTo("metal3~host-0");
        assertThat(n.driver()).isEqualTo("fake-hardware");
        assertThat(n.state()).isEqualTo("active");
        assertThat(n.targetProvisionState()).isNull();
        assertThat(n.powerState()).isEqualTo("power on");
        assertThat(n.hasError()).isFalse();
        assertThat(n.maintenance()).isFalse();
        assertThat(n.automatedClean()).isFalse();
        assertThat(n.inspectionFinishedAt()).isEqualTo("2026-11-23T20:52:41+00:00");
        assertThat(n.driverInfo()).containsEntry("ipmi_address", "127.0.0.1").containsEntry("ipmi_port", 9008)
                .containsEntry("ipmi_password", "******");
        assertThat(n.instanceInfo()).containsEntry("image_os_hash_algo", "sha256");
        assertThat(n.properties()).containsEntry("memory_mb", "8192").containsEntry("vendor", "montavista software, inc.");
        assertThat(n.extraString("metalkube_credentials_hash")).startsWith("pbkdf2-sha256$");
    }

    @Test
    void aFailedEnrollmentCarriesLastError() {
        NodeJson n = Wire.parse(golden("node-enroll-failed.json"), NodeJson.class);
        assertThat(n.state()).isEqualTo("enroll");
        assertThat(n.hasError()).isTrue();
        assertThat(n.lastError()).contains("IPMI call failed: power status");
        assertThat(n.powerState()).isNull();
    }

    @Test
    void absentFieldsBecomeEmptyNotNull() {
        NodeJson n = Wire.parse(golden("node-minimal.json"), NodeJson.class);
        assertThat(n.state()).isEmpty();
        assertThat(n.extra()).isEmpty();
        assertThat(n.driverInfo()).isEmpty();
        assertThat(n.properties()).isEmpty();
        assertThat(n.maintenance()).isFalse();
        assertThat(n.hasError()).isFalse();
    }

    @Test
    void theRootDocumentNamesTheMicroversionRange() {
        RootJson root = Wire.parse(golden("root.json"), RootJson.class);
        assertThat(root.versions()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("v1");
            assertThat(v.minVersion()).isEqualTo("1.1");
            assertThat(v.version()).isEqualTo("1.82");
        });
    }

    @Test
    void validationResultsNameTheFailingInterfaceAndWhy() {
        ValidationJson v = Wire.parse(golden("validate.json"), ValidationJson.class);
        assertThat(v.boot().failed()).isTrue();
        assertThat(v.boot().reason()).contains("Missing are: ['kernel', 'ramdisk']");
        assertThat(v.deploy().failed()).isFalse();
        assertThat(v.power().failed()).isFalse();
    }

    @Test
    void aNodeListPageCarriesNext() {
        NodeListJson list = Wire.parse(golden("nodes-page.json"), NodeListJson.class);
        assertThat(list.nodes()).extracting(NodeJson::uuid).containsExactly("u1", "u2");
        assertThat(list.next()).contains("marker=u2");
    }

    @Test
    void errorBodiesAreDoublyEncodedAndDecodedToTheirFaultstring() {
        assertThat(ErrorJson.message(golden("error-409.json")))
                .isEqualTo("Node b9359892-5396-491b-adc0-43bfa8d51c32 is locked by host ironic-test, please retry after the current operation is completed.");
        assertThat(ErrorJson.message(golden("error-406.json"))).contains("The supported version range is: [1.1, 1.82]");
    }

    @Test
    void errorBodiesOfUnknownShapeStillYieldAMessage() {
        assertThat(ErrorJson.message("")).isEqualTo("(empty body)");
        assertThat(ErrorJson.message("<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
        assertThat(ErrorJson.message("{\"error_message\": \"plain text reason\"}")).isEqualTo("plain text reason");
        assertThat(ErrorJson.message("{\"error_message\": {\"faultstring\": \"nested object\"}}")).isEqualTo("nested object");
        assertThat(ErrorJson.message("x".repeat(500))).hasSize(203).endsWith("...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "{\"uuid\": ", "[1, 2]", "{\"uuid\": \"u\", \"maintenance\": {\"a\": 1}}", "<html/>"})
    void malformedNodesAreRefusedWithAClearMessage(String body) {
        assertThatThrownBy(() -> Wire.parse(body, NodeJson.class))
                .isInstanceOf(Wire.MalformedJsonException.class)
                .hasMessageContaining("NodeJson");
    }

    @Test
    void patchesSerialiseAsRfc6902AndNameOnlyTheirPaths() {
        JsonPatch p = new JsonPatch().add("/driver_info/ipmi_password", "s3cret").replace("/extra/x", 1).remove("/instance_uuid");
        String json = Wire.write(p.operations());
        assertThat(json).isEqualTo("[{\"op\":\"add\",\"path\":\"/driver_info/ipmi_password\",\"value\":\"s3cret\"},"
                + "{\"op\":\"replace\",\"path\":\"/extra/x\",\"value\":1},{\"op\":\"remove\",\"path\":\"/instance_uuid\"}]");
        assertThat(p.paths()).containsExactly("/driver_info/ipmi_password", "/extra/x", "/instance_uuid");
        assertThat(p.paths().toString()).doesNotContain("s3cret");
    }

    @Test
    void freeFormJsonParsesToMapsAndLists() {
        assertThat(Wire.parseAny("{\"links\": [{\"id\": \"eth0\"}]}")).isEqualTo(Map.of("links", List.of(Map.of("id", "eth0"))));
        assertThatThrownBy(() -> Wire.parseAny("links: [")).isInstanceOf(Wire.MalformedJsonException.class);
    }
}
