package io.metalkube.kubernetes.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden AdmissionReview exchanges: each {@code src/test/resources/admission/<target>/<case>.request.json} (or
 * {@code .request.txt} for bodies that are not JSON) is posted to the webhook and the reply compared with
 * {@code <case>.reply.json} ({@code {httpStatus, body}}). Run with {@code -Dgolden.update=true} to rewrite the replies
 * after a deliberate change, then review the diff.
 */
class AdmissionGoldenTest {

    static final Path DIR = Path.of("src/test/resources/admission");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final AdmissionWebhook webhook = new AdmissionWebhook();

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsGoldenReply() throws IOException {
        List<Path> requests;
        try (Stream<Path> files = Files.walk(DIR)) {
            requests = files.filter(p -> p.getFileName().toString().contains(".request.")).sorted().toList();
        }
        assertThat(requests).as("golden cases").hasSizeGreaterThanOrEqualTo(20);
        return requests.stream().map(request -> DynamicTest.dynamicTest(DIR.relativize(request).toString(), () -> check(request)));
    }

    private void check(Path request) throws IOException {
        WebhookTarget target = WebhookTarget.valueOf(request.getParent().getFileName().toString());
        String body = Files.readString(request, StandardCharsets.UTF_8);
        WebhookReply reply = webhook.handle(target, body);

        ObjectNode actual = JSON.createObjectNode();
        actual.put("httpStatus", reply.httpStatus());
        actual.set("body", JSON.readTree(reply.body()));
        String name = request.getFileName().toString().replaceFirst("\\.request\\.(json|txt)$", "");
        Path golden = request.resolveSibling(name + ".reply.json");
        if (UPDATE) {
            Files.writeString(golden, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(golden)).as(golden + " exists (run with -Dgolden.update=true once, then review it)").isTrue();
        JsonNode expected = JSON.readTree(golden.toFile());
        assertThat(actual).as("reply to " + request + "; actual:\n" + JSON.writeValueAsString(actual)).isEqualTo(expected);
    }

    @Test
    void everyDenialIsAnAdmissionReviewWithTheRequestsUid() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path reply : files.filter(p -> p.toString().endsWith(".reply.json")).toList()) {
                JsonNode r = JSON.readTree(reply.toFile());
                if (r.path("httpStatus").asInt() != 200) {
                    assertThat(r.path("body").path("kind").asText()).as(reply.toString()).isEqualTo("Status");
                    assertThat(r.path("body").path("code").asInt()).as(reply.toString()).isEqualTo(400);
                    continue;
                }
                String name = reply.getFileName().toString().replace(".reply.json", ".request.json");
                JsonNode request = JSON.readTree(reply.resolveSibling(name).toFile());
                JsonNode response = r.path("body").path("response");
                assertThat(response.path("uid").asText()).as(reply.toString()).isEqualTo(request.path("request").path("uid").asText());
                if (!response.path("allowed").asBoolean()) {
                    assertThat(response.path("status").path("code").asInt()).as(reply.toString()).isBetween(400, 499);
                    assertThat(response.path("status").path("message").asText()).as(reply.toString()).isNotBlank();
                }
            }
        }
    }
}
