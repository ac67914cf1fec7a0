package io.metalkube.kubernetes.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.metalkube.kubernetes.admission.AdmissionWebhook;
import io.metalkube.kubernetes.admission.WebhookReply;
import io.metalkube.kubernetes.admission.WebhookTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus (issue 6, "Bad input"): every malformed host, Machine and Secret gets a clear error — a webhook
 * denial naming the problem, and, applied to the API server without the webhook, a status error plus a Warning event
 * from the controller — with zero crashes, while good hosts keep progressing to available.
 */
class BadInputCorpusTest {

    static final String NS = "default";
    static final ObjectMapper JSON = new ObjectMapper();

    private final AdmissionWebhook webhook = new AdmissionWebhook();
    private final List<CorpusEntry> corpus = CorpusEntry.all();

    @Test
    void theCorpusHasAtLeastFortyMalformedObjectsOfEveryKind() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus).anyMatch(e -> e.name().startsWith("hosts/")).anyMatch(e -> e.name().startsWith("machines/"))
                .anyMatch(e -> e.name().startsWith("secrets/"));
    }

    @Test
    void everyEntryStatesWhatTheControllerDoesWithIt() {
        List<String> silent = corpus.stream().filter(e -> !e.statesControllerOutcome()).map(CorpusEntry::name).toList();
        System.out.println("corpus entries marked as controller gaps: " + corpus.stream().filter(e -> e.gap().isPresent())
                .map(e -> e.name() + " (" + e.gap().get() + ")").toList());
        assertThat(silent).as("entries with no '# controller:', '# event:', '# state:', '# host-error:' or '# gap:' header").isEmpty();
    }

    @Test
    void theWebhookDeniesEveryMalformedObjectWithAClearMessage() throws Exception {
        for (CorpusEntry entry : corpus) {
            List<String> denials = new ArrayList<>();
            for (JsonNode object : entry.objects()) {
                WebhookTarget target = target(object);
                if (target == null) {
                    continue; // Secrets are not validated by the webhook
                }
                WebhookReply reply = webhook.handle(target, JSON.writeValueAsString(review(target, object)));
                assertThat(reply.httpStatus()).as(entry.name()).isEqualTo(200);
                JsonNode response = JSON.readTree(reply.body()).path("response");
                assertThat(response.path("uid").asText()).as(entry.name()).isEqualTo("corpus-" + entry.name());
                if (!response.path("allowed").asBoolean()) {
                    JsonNode status = response.path("status");
                    assertThat(status.path("code").asInt()).as(entry.name()).isBetween(400, 499);
                    assertThat(status.path("reason").asText()).as(entry.name()).isIn("Invalid", "BadRequest");
                    denials.add(status.path("message").asText());
                }
            }
            if (entry.denied()) {
                assertThat(denials).as(entry.name() + ": denied").hasSize(1);
                assertThat(denials.get(0)).as(entry.name()).contains(entry.deny()).hasSizeLessThan(12_000);
            } else {
                assertThat(denials).as(entry.name() + ": admitted (its problem is in a Secret)").isEmpty();
            }
        }
    }

    @Test
    void appliedWithoutTheWebhookEachGetsAStatusErrorAndAnEventWhileGoodHostsBecomeAvailable() throws Exception {
        try (CorpusSite site = new CorpusSite()) {
            createGoodHost(site, "good-0", 200);
            List<CorpusEntry> applied = corpus.stream().filter(CorpusEntry::bypass).toList();
            for (CorpusEntry entry : applied) {
                for (JsonNode object : entry.objects()) {
                    create(site, object);
                }
            }
            createGoodHost(site, "good-1", 201);

            Map<String, String> failures = new LinkedHashMap<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            do {
                failures.clear();
                for (CorpusEntry entry : applied) {
                    for (JsonNode object : entry.objects()) {
                        String problem = outcomeProblem(site, entry, object);
                        if (problem != null) {
                            failures.put(entry.name() + " " + object.path("metadata").path("name").asText(), problem);
                        }
                    }
                }
                for (String good : List.of("good-0", "good-1")) {
                    String state = hostStatus(site, good).path("provisioning").path("state").asText();
                    if (!state.equals("available")) {
                        failures.put(good, "not available yet (state \"" + state + "\")");
                    }
                }
                if (failures.isEmpty()) {
                    break;
                }
                Thread.sleep(1_000);
            } while (Instant.now().isBefore(deadline));

            System.out.println(table(site, applied));
            System.out.println("accepted by the controller when applied without the webhook (gaps): "
                    + applied.stream().filter(e -> e.gap().isPresent()).map(CorpusEntry::name).toList());
            assertThat(failures).as("objects without the expected outcome").isEmpty();
            assertThat(site.operator.isRunning()).as("the operator is still running").isTrue();
        }
    }

    /** Null when {@code object} shows the outcome its corpus entry asks for, else what is missing. */
    private String outcomeProblem(CorpusSite site, CorpusEntry entry, JsonNode object) {
        String kind = object.path("kind").asText();
        String name = object.path("metadata").path("name").asText();
        if (kind.equals("Secret")) {
            return null;
        }
        boolean machine = kind.equals("Machine");
        if (entry.hostError().isPresent()) {
            String[] hostAndText = entry.hostError().get().split(" ", 2);
            JsonNode host = hostStatus(site, hostAndText[0]);
            String hostMessage = host.path("errorMessage").asText();
            if (!hostMessage.contains(hostAndText[1])) {
                return "host " + hostAndText[0] + "'s status error \"" + Text.clip(hostMessage) + "\" does not contain \"" + hostAndText[1] + "\"";
            }
            return warned(site, hostAndText[0], hostAndText[1]) ? null : "no Warning event on host " + hostAndText[0];
        }
        if (entry.state().isPresent() && !machine) {
            String state = hostStatus(site, name).path("provisioning").path("state").asText();
            return state.equals(entry.state().get()) ? null : "state \"" + state + "\", expected \"" + entry.state().get() + "\"";
        }
        JsonNode status = machine ? machineStatus(site, name) : hostStatus(site, name);
        String type = status.path(machine ? "errorReason" : "errorType").asText();
        String message = status.path("errorMessage").asText();
        if (entry.controller().isPresent()) {
            String expected = entry.controller().get().toLowerCase(Locale.ROOT);
            if (type.isEmpty() || !message.toLowerCase(Locale.ROOT).contains(expected)) {
                return "status error " + type + " \"" + Text.clip(message) + "\" does not contain \"" + expected + "\"";
            }
            return warned(site, name, "") ? null : "no Warning event";
        }
        // otherwise the controller must at least have handled it: a state (or an error) written, no crash
        boolean handled = machine ? !status.path("phase").asText().isEmpty()
                : !status.path("provisioning").path("state").asText().isEmpty() || !type.isEmpty();
        if (!handled) {
            return "never reconciled (no state, no error in its status)";
        }
        if (entry.event().isPresent() && !warned(site, name, entry.event().get())) {
            return "no Warning event mentioning \"" + entry.event().get() + "\"";
        }
        if (entry.gap().isPresent() && !type.isEmpty()) {
            return "marked as a gap, but the controller now reports " + type + ": remove the '# gap:' header and expect that error";
        }
        return null;
    }

    private static boolean warned(CorpusSite site, String name, String text) {
        return site.client.v1().events().inNamespace(NS).list().getItems().stream()
                .anyMatch(e -> name.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                        && e.getMessage() != null && e.getMessage().contains(text));
    }

    /** Status and event messages must stay readable even for hostile input. */
    static final class Text {
        static String clip(String s) {
            return s.length() > 200 ? s.substring(0, 200) + "… (" + s.length() + " characters)" : s;
        }
    }

    private static WebhookTarget target(JsonNode object) {
        return switch (object.path("kind").asText()) {
            case "BareMetalHost" -> WebhookTarget.BARE_METAL_HOST;
            case "Machine" -> WebhookTarget.MACHINE;
            default -> null;
        };
    }

    private ObjectNode review(WebhookTarget target, JsonNode object) {
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request");
        request.put("uid", "corpus-" + corpus.stream().filter(e -> e.objects().contains(object)).findFirst().orElseThrow().name());
        request.putObject("kind").put("group", target.group()).put("version", "v1alpha1").put("kind", target.kind());
        request.put("namespace", NS).put("name", object.path("metadata").path("name").asText()).put("operation", "CREATE");
        request.set("object", object);
        return review;
    }

    private static void create(CorpusSite site, JsonNode object) {
        String kind = object.path("kind").asText();
        if (kind.equals("Secret")) {
            site.client.secrets().inNamespace(NS).resource(JSON.convertValue(object, Secret.class)).create();
            return;
        }
        GenericKubernetesResource resource = JSON.convertValue(object, GenericKubernetesResource.class);
        site.client.genericKubernetesResources(object.path("apiVersion").asText(), kind).inNamespace(NS).resource(resource).create();
    }

    private static void createGoodHost(CorpusSite site, String name, int n) throws Exception {
        site.client.secrets().inNamespace(NS).resource(JSON.convertValue(JSON.readTree("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s-bmc"},"data":{"username":"YWRtaW4=","password":"cHc="}}
                """.formatted(name)), Secret.class)).create();
        create(site, JSON.readTree("""
                {"apiVersion":"metal3.io/v1alpha1","kind":"BareMetalHost","metadata":{"name":"%s"},
                 "spec":{"online":false,"bmc":{"address":"ipmi://192.0.2.%d","credentialsName":"%s-bmc"}}}
                """.formatted(name, n, name)));
    }

    private static JsonNode hostStatus(CorpusSite site, String name) {
        return status(site, "metal3.io/v1alpha1", "BareMetalHost", name);
    }

    private static JsonNode machineStatus(CorpusSite site, String name) {
        return status(site, "cluster.k8s.io/v1alpha1", "Machine", name);
    }

    private static JsonNode status(CorpusSite site, String apiVersion, String kind, String name) {
        GenericKubernetesResource r = site.client.genericKubernetesResources(apiVersion, kind).inNamespace(NS).withName(name).get();
        return r == null ? JSON.createObjectNode() : JSON.valueToTree(r).path("status");
    }

    private static String table(CorpusSite site, List<CorpusEntry> applied) {
        StringBuilder t = new StringBuilder("corpus applied without the webhook (object: state / error):\n");
        for (CorpusEntry entry : applied) {
            for (JsonNode object : entry.objects()) {
                String kind = object.path("kind").asText();
                if (kind.equals("Secret")) {
                    continue;
                }
                String name = object.path("metadata").path("name").asText();
                JsonNode s = kind.equals("Machine") ? machineStatus(site, name) : hostStatus(site, name);
                String state = kind.equals("Machine") ? s.path("phase").asText() : s.path("provisioning").path("state").asText();
                String error = kind.equals("Machine") ? s.path("errorReason").asText() : s.path("errorType").asText();
                String message = s.path("errorMessage").asText();
                t.append(String.format("  %-55s %-14s %-20s %s%n", entry.name(), state, error,
                        message.length() > 110 ? message.substring(0, 110) + "…" : message));
            }
        }
        return t.toString();
    }
}
