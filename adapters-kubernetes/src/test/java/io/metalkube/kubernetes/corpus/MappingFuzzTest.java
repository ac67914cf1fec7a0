package io.metalkube.kubernetes.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.validation.HostValidator;
import io.metalkube.kubernetes.admission.AdmissionChecks;
import io.metalkube.kubernetes.admission.AdmissionWebhook;
import io.metalkube.kubernetes.admission.WebhookTarget;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.mapping.HostConditions;
import io.metalkube.kubernetes.mapping.HostMapper;
import io.metalkube.kubernetes.mapping.HostSpecMapper;
import io.metalkube.kubernetes.mapping.HostStatusMapper;
import io.metalkube.kubernetes.mapping.MachineMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 8: the mapping fuzzed with the bad-input corpus plus a seed of each kind with every field set, each
 * varied by a null in every place of every map (each field in turn, plus an extra null-valued key), a null entry in
 * every list, and unreadable values in every string and number. Every variant that the informer can deserialise
 * must go through everything the controllers, stores and webhook read — the annotation codec, the admission checks,
 * the mappers both ways, the conditions, the status backup, the domain validator — and either succeed or raise
 * {@link UnreadableFieldException} naming a field (which the controller turns into a status error and an event).
 * Anything else would be thrown at JOSDK: "Uncaught error during event processing", forever.
 */
class MappingFuzzTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<JsonNode> GARBAGE_TEXT = List.of(JsonNodeFactory.instance.textNode("{not json"),
            JsonNodeFactory.instance.textNode("sideways"), JsonNodeFactory.instance.textNode(""));
    private static final List<JsonNode> GARBAGE_NUMBER = List.of(JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.numberNode(Long.MAX_VALUE));

    private final AdmissionWebhook webhook = new AdmissionWebhook();

    @Test
    void everyHostVariantIsReadOrReportedByField() {
        Report report = fuzz("BareMetalHost", this::readHost);
        System.out.println("BareMetalHost fuzz: " + report);
        assertThat(report.mapped).as("variants that went through the whole read path").isGreaterThan(900);
        assertThat(report.reported).as("variants reported as an unreadable field").isPositive();
        assertThat(report.crashes).as("variants that crashed the read path (would be JOSDK's \"Uncaught error\")").isEmpty();
    }

    @Test
    void everyMachineVariantIsReadOrReportedByField() {
        Report report = fuzz("Machine", this::readMachine);
        System.out.println("Machine fuzz: " + report);
        assertThat(report.mapped).isGreaterThan(300);
        assertThat(report.crashes).as("variants that crashed the read path").isEmpty();
    }

    @Test
    void aNullAnnotationValueReadsAsRemovedAndIsReported() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(HostAnnotationCodec.PAUSED, null);
        annotations.put(HostAnnotationCodec.HARDWARE_DETAILS, null);
        annotations.put(HostAnnotationCodec.REBOOT, null);
        HostAnnotationCodec.Parsed parsed = HostAnnotationCodec.parse(annotations);
        assertThat(parsed.annotations().paused()).as("a null paused annotation was removed: not paused").isFalse();
        assertThat(parsed.annotations().reboots()).isEmpty();
        assertThat(parsed.annotations().hardwareDetails()).isEmpty();
        assertThat(parsed.problems()).hasSize(3).allMatch(p -> p.contains("has a null value") && p.endsWith("read as removed"))
                .anyMatch(p -> p.contains(HostAnnotationCodec.HARDWARE_DETAILS));
        assertThat(AdmissionChecks.annotationValueProblems(annotations)).isEmpty();
    }

    @Test
    void anUnknownProvisioningStateIsReportedByFieldNotReadAsNew() {
        BareMetalHost cr = SERIALIZATION.convertValue(seed("host-with-everything.yaml"), BareMetalHost.class);
        cr.getStatus().provisioning.state = "sideways";
        UnreadableFieldException e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableFieldException.class, () -> HostMapper.toDomain(cr));
        assertThat(e.field()).isEqualTo("status.provisioning.state");
        assertThat(e.problem()).contains("\"sideways\"");
        cr.getStatus().provisioning.state = "ready";
        assertThat(HostMapper.toDomain(cr).state().wireName()).as("metal3's old name still reads").isEqualTo("available");
    }

    private void readHost(JsonNode json) {
        BareMetalHost cr = SERIALIZATION.convertValue(json, BareMetalHost.class);
        Map<String, String> annotations = cr.getMetadata() == null ? null : cr.getMetadata().getAnnotations();
        HostAnnotationCodec.Parsed parsed = HostAnnotationCodec.parse(annotations);
        HostMapper.nullLabels(cr);
        AdmissionChecks.annotationValueProblems(annotations);
        AdmissionChecks.wireSpecProblems(cr);
        AdmissionChecks.of(cr);
        Host host = HostMapper.toDomain(cr, parsed);
        var previous = cr.getStatus() == null ? null : cr.getStatus().conditions;
        var conditions = HostConditions.of(host.status(), previous, cr.getMetadata().getGeneration(), Instant.EPOCH);
        HostConditions.same(conditions, previous);
        HostStatusMapper.toWire(host.status(), host.id().namespace());
        HostSpecMapper.toWire(host.spec(), cr.getSpec());
        HostAnnotationCodec.statusBackup(host.status(), host.id().namespace());
        new HostValidator().validate(host);
        webhookAnswers(WebhookTarget.BARE_METAL_HOST, json);
    }

    private void readMachine(JsonNode json) {
        Machine m = SERIALIZATION.convertValue(json, Machine.class);
        var view = MachineMapper.toView(m);
        AdmissionChecks.of(m);
        MachineMapper.toWire(view.status(), m.getStatus());
        webhookAnswers(WebhookTarget.MACHINE, json);
    }

    private void webhookAnswers(WebhookTarget target, JsonNode object) {
        ObjectNode review = JsonNodeFactory.instance.objectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "fuzz").put("operation", "CREATE");
        request.putObject("kind").put("group", target.group()).put("version", "v1alpha1").put("kind", target.kind());
        request.set("object", object);
        int status = webhook.handle(target, review.toString()).httpStatus();
        if (status != 200) {
            throw new AssertionError("the webhook answered HTTP " + status);
        }
    }

    /** Every variant of every object of {@code kind} in the corpus and the seeds, through {@code read}. */
    private Report fuzz(String kind, Consumer<JsonNode> read) {
        List<JsonNode> originals = new ArrayList<>();
        for (CorpusEntry entry : CorpusEntry.all()) {
            entry.objects().stream().filter(o -> kind.equals(o.path("kind").asText())).forEach(originals::add);
        }
        originals.add(seed(kind.equals("Machine") ? "machine-with-everything.yaml" : "host-with-everything.yaml"));
        Report report = new Report();
        for (JsonNode original : originals) {
            ObjectNode base = original.deepCopy();
            ((ObjectNode) base.path("metadata")).put("namespace", "default");
            for (JsonNode variant : variants(base)) {
                report.run(variant, read);
            }
        }
        return report;
    }

    /** Nulls in every map and list, garbage in every scalar: one change per variant. */
    static List<JsonNode> variants(ObjectNode base) {
        List<JsonNode> out = new ArrayList<>();
        out.add(base);
        collect(base, base, "", out);
        return out;
    }

    private static void collect(ObjectNode root, JsonNode node, String pointer, List<JsonNode> out) {
        if (node.isObject()) {
            out.add(changed(root, pointer, n -> ((ObjectNode) n).putNull("fuzz.example/null")));
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!child.equals("/metadata") && !child.equals("/metadata/name") && !child.equals("/metadata/namespace")
                        && !child.equals("/kind") && !child.equals("/apiVersion")) { // the API server itself guarantees these
                    out.add(changed(root, pointer, n -> ((ObjectNode) n).putNull(name)));
                    collect(root, node.get(name), child, out);
                }
            }
        } else if (node.isArray()) {
            out.add(changed(root, pointer, n -> ((ArrayNode) n).addNull()));
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                out.add(changed(root, pointer, n -> ((ArrayNode) n).setNull(index)));
                collect(root, node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isTextual() || node.isNumber()) {
            for (JsonNode garbage : node.isTextual() ? GARBAGE_TEXT : GARBAGE_NUMBER) {
                String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                String last = pointer.substring(pointer.lastIndexOf('/') + 1);
                out.add(changed(root, parent, n -> {
                    if (n.isArray()) {
                        ((ArrayNode) n).set(Integer.parseInt(last), garbage);
                    } else {
                        ((ObjectNode) n).set(last.replace("~1", "/").replace("~0", "~"), garbage);
                    }
                }));
            }
        }
    }

    private static JsonNode changed(ObjectNode root, String pointer, Consumer<JsonNode> change) {
        ObjectNode copy = root.deepCopy();
        change.accept(pointer.isEmpty() ? copy : copy.at(pointer));
        return copy;
    }

    static JsonNode seed(String name) {
        try (InputStream in = MappingFuzzTest.class.getResourceAsStream("/fuzz/" + name)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of what happened to the variants, and the first crashes with the variant that caused them. */
    static final class Report {
        int notDeserialisable;
        int mapped;
        int reported;
        final Map<String, String> crashes = new LinkedHashMap<>();

        void run(JsonNode variant, Consumer<JsonNode> read) {
            try {
                Class<?> type = variant.path("kind").asText().equals("Machine") ? Machine.class : BareMetalHost.class;
                SERIALIZATION.convertValue(variant, type);
            } catch (RuntimeException e) {
                notDeserialisable++; // the informer cannot load it either; a real API server's schema refuses it first
                return;
            }
            try {
                read.accept(variant);
                mapped++;
            } catch (UnreadableFieldException e) {
                if (e.field().isBlank()) {
                    crashes.putIfAbsent("unnamed field: " + e.getMessage(), variant.toString());
                }
                reported++;
            } catch (RuntimeException | AssertionError e) {
                String where = e.getStackTrace().length == 0 ? "" : " at " + e.getStackTrace()[0];
                if (crashes.size() < 20) {
                    crashes.putIfAbsent(e + where, variant.toString());
                }
            }
        }

        @Override
        public String toString() {
            return mapped + " read, " + reported + " reported as an unreadable field, " + notDeserialisable
                    + " not deserialisable (refused by a real API server's schema), " + crashes.size() + " crashes";
        }
    }
}
