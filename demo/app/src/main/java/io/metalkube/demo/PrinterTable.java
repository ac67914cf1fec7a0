package io.metalkube.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side printing for the kubectl gateway: the embedded API server answers {@code as=Table} requests with a
 * plain list, so kubectl would show NAME and AGE only. This builds the meta.k8s.io/v1 Table from our CRDs'
 * additionalPrinterColumns, in the CRDs' order, as a real API server does.
 */
final class PrinterTable {

    /** A list or single-object GET of one of our custom resources. */
    static final Pattern PATH = Pattern.compile(
            "^/apis/(metal3\\.io|cluster\\.k8s\\.io)/v1alpha1/(?:namespaces/[^/]+/)?(baremetalhosts|machines)(?:/[^/]+)?$");

    /** {@code kubectl get events}: as a real API server prints core/v1 Events. */
    static final Pattern EVENTS = Pattern.compile("^/api/(v1)/(?:namespaces/[^/]+/)?(events)(?:/[^/]+)?$");

    record Column(String name, String type, String jsonPath, int priority) {
    }

    /** The Event columns; {@code involvedObject} prints as kind/name, as kubectl shows it. */
    static final List<Column> EVENT_COLUMNS = List.of(new Column("Last Seen", "date", ".lastTimestamp", 0),
            new Column("Type", "string", ".type", 0), new Column("Reason", "string", ".reason", 0),
            new Column("Object", "string", "involvedObject", 0), new Column("Message", "string", ".message", 0),
            new Column("Count", "integer", ".count", 1), new Column("Source", "string", ".reportingComponent", 1));

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrinterTable() {
    }

    /** The printer columns of {@code plural.group} from the CRD in the adapter's jar, if that CRD exists. */
    @SuppressWarnings("unchecked")
    static Optional<List<Column>> columns(String group, String plural) {
        if (group.equals("v1") && plural.equals("events")) {
            return Optional.of(EVENT_COLUMNS);
        }
        String resource = "META-INF/fabric8/" + plural + "." + group + "-v1.yml";
        try (InputStream in = PrinterTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Object> crd = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Map<String, Object>> versions = (List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions");
            List<Column> columns = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) versions.getFirst().getOrDefault("additionalPrinterColumns", List.of())) {
                columns.add(new Column((String) c.get("name"), (String) c.get("type"), (String) c.get("jsonPath"),
                        ((Number) c.getOrDefault("priority", 0)).intValue()));
            }
            return Optional.of(columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD " + resource, e);
        }
    }

    /** The Table for an upstream JSON answer (a list with items, or one object). */
    static byte[] render(byte[] upstream, List<Column> columns, Instant now) throws IOException {
        JsonNode body = JSON.readTree(upstream);
        ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
                .put("description", "Name must be unique within a namespace.");
        for (Column c : columns) {
            definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", "").put("priority", c.priority())
                    .put("description", c.jsonPath());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : body.has("items") ? body.get("items") : List.of(body)) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            for (Column c : columns) {
                JsonNode v = c.jsonPath().equals("involvedObject")
                        ? JSON.getNodeFactory().textNode(item.path("involvedObject").path("kind").asText().toLowerCase(java.util.Locale.ROOT)
                                + "/" + item.path("involvedObject").path("name").asText())
                        : at(item, c.jsonPath());
                if (v.isMissingNode() || v.isNull()) {
                    cells.addNull();
                } else if ("date".equals(c.type())) {
                    cells.add(age(v.asText(), now));
                } else {
                    cells.add(v);
                }
            }
            row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1")
                    .set("metadata", item.path("metadata").deepCopy());
        }
        return JSON.writeValueAsBytes(table);
    }

    /** A dotted jsonPath such as {@code .status.provisioning.state}. */
    private static JsonNode at(JsonNode node, String jsonPath) {
        JsonNode cur = node;
        for (String key : jsonPath.replaceFirst("^\\.", "").split("\\.")) {
            cur = cur.path(key);
        }
        return cur;
    }

    /** kubectl's short age: 42s, 5m, 3h, 2d. */
    static String age(String timestamp, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(timestamp), now);
            long s = Math.max(0, d.toSeconds());
            return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    static Optional<Matcher> matches(String method, String path, String accept) {
        if (!"GET".equals(method) || accept == null || !accept.contains("as=Table")) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        if (m.matches()) {
            return Optional.of(m);
        }
        Matcher events = EVENTS.matcher(path);
        return events.matches() ? Optional.of(events) : Optional.empty();
    }
}
