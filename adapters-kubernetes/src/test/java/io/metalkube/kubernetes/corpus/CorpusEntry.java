package io.metalkube.kubernetes.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One file of the bad-input corpus ({@code src/test/resources/corpus/{hosts,machines,secrets}/*.yaml}): its objects
 * and what must happen to them, from the header comments:
 * {@code # deny: <text>} the webhook's denial contains that text ({@code none}: the webhook admits it);
 * {@code # controller: <text>} applied without the webhook, the object's status error contains that text and a
 * Warning event is recorded; {@code # event: <text>} applied without the webhook, a Warning event contains that text
 * (the controller reads the value leniently and goes on); {@code # gap: <why>} applied without the webhook, the
 * controller accepts the object (a known gap, listed by the test so closing it shows); {@code # state: <state>} applied
 * without the webhook, the host ends in that provisioning state (e.g. unmanaged, as metal3 leaves a host without
 * credentials; available, for hostile but usable credentials); {@code # host-error: <host> <text>} applied without the
 * webhook, the named host's status error contains the text (a Machine's bad image lands on the host it claims);
 * {@code # bypass: no (...)} a real API server refuses the object itself (invalid name, label or field type), so it is
 * not applied to the mock API server; {@code # real-server: <text>} a real API server refuses it before any webhook
 * with a message containing the text (WebhookThroughKubeLiteTest checks that on kube-lite). Every entry states what the
 * controller does with it ({@link #statesControllerOutcome}), or why it never reaches one.
 */
record CorpusEntry(Path file, String deny, Optional<String> controller, Optional<String> event, Optional<String> gap, boolean bypass,
                   Optional<String> state, Optional<String> hostError, List<JsonNode> objects) {

    static final Path DIR = Path.of("src/test/resources/corpus");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    String name() {
        return DIR.relativize(file).toString();
    }

    boolean denied() {
        return !deny.equals("none");
    }

    /** True when a header says what the controller does with it (or that a real server never lets it reach one). */
    boolean statesControllerOutcome() {
        return !bypass || controller.isPresent() || event.isPresent() || gap.isPresent() || state.isPresent() || hostError.isPresent();
    }

    static List<CorpusEntry> all() {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(CorpusEntry::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusEntry read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String deny = header(lines, "deny").orElseThrow(() -> new IllegalStateException(file + " has no '# deny:' header"));
            Optional<String> controller = header(lines, "controller");
            Optional<String> event = header(lines, "event");
            Optional<String> gap = header(lines, "gap");
            boolean bypass = header(lines, "bypass").map(b -> !b.startsWith("no")).orElse(true);
            Optional<String> state = header(lines, "state");
            Optional<String> hostError = header(lines, "host-error");
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(Files.readString(file, StandardCharsets.UTF_8))) {
                return new CorpusEntry(file, deny, controller, event, gap, bypass, state, hostError, docs.readAll());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corpus file " + file, e);
        }
    }

    private static Optional<String> header(List<String> lines, String key) {
        String prefix = "# " + key + ":";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim()).findFirst();
    }
}
