package io.metalkube.kubernetes.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks a controller can run on objects that bypassed the webhook give the same problems as the webhook. */
class AdmissionChecksTest {

    private static JsonNode object(String file) throws Exception {
        return WireDecoder.JSON.readTree(Files.readString(Path.of("src/test/resources/admission", file))).path("request").path("object");
    }

    @Test
    void aBadHostHasEveryProblemTheWebhookNamesAndAGoodOneNone() throws Exception {
        BareMetalHost bad = WireDecoder.decode(object("BARE_METAL_HOST/create-every-problem-at-once.request.json"), BareMetalHost.class);
        BareMetalHost good = WireDecoder.decode(object("BARE_METAL_HOST/create-valid.request.json"), BareMetalHost.class);

        assertThat(AdmissionChecks.of(bad)).hasSize(10).anyMatch(p -> p.contains("gopher")).anyMatch(p -> p.contains("disablePowerOff"));
        assertThat(AdmissionChecks.of(good)).isEmpty();
    }

    @Test
    void aBadMachineHasItsProviderConfigProblemAndAGoodOneNone() throws Exception {
        Machine bad = WireDecoder.decode(object("MACHINE/create-unknown-kind.request.json"), Machine.class);
        Machine good = WireDecoder.decode(object("MACHINE/create-valid.request.json"), Machine.class);

        assertThat(AdmissionChecks.of(bad)).singleElement().asString().contains("Nonsense");
        assertThat(AdmissionChecks.of(good)).isEmpty();
    }
}
