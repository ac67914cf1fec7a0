package io.metalkube.bootstrap.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Test helper: every YAML document under deploy/, parsed, with the file it came from. */
record Manifests(List<Doc> docs) {

    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            Map<String, Object> meta = Manifests.map(body.get("metadata"));
            Object n = meta.get("name");
            return n != null ? n.toString() : String.valueOf(meta.get("generateName"));
        }
    }

    /** deploy/ seen from the bootstrap module (surefire runs in bootstrap/). */
    static Path deployDir() {
        Path here = Path.of("").toAbsolutePath();
        Path dir = here.resolve("deploy");
        return Files.isDirectory(dir) ? dir : here.getParent().resolve("deploy");
    }

    static Manifests load(Path root) {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                docs.addAll(parse(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(docs);
    }

    static List<Doc> parse(Path f) {
        try {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            List<Doc> out = new ArrayList<>();
            for (Object o : yaml.loadAll(Files.readString(f))) {
                if (o == null) {
                    continue;
                }
                if (!(o instanceof Map<?, ?>)) {
                    throw new AssertionError(f + ": a YAML document that is not a mapping: " + o);
                }
                out.add(new Doc(f, map(o)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stream<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind));
    }

    Doc one(String kind, String name) {
        return ofKind(kind).filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " under deploy/"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** Follows a path of keys through nested maps; null when any step is missing. */
    static Object at(Map<String, Object> m, String... keys) {
        Object cur = m;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> mm)) {
                return null;
            }
            cur = mm.get(k);
        }
        return cur;
    }

    static List<String> strings(Object o) {
        return list(o).stream().map(Objects::toString).toList();
    }
}
