package io.metalkube.bootstrap.admission;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: deploy/webhook's manifests, and the operator settings its ConfigMap ships, flattened to properties. */
final class WebhookManifests {

    private WebhookManifests() {
    }

    static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        Path dir = here.resolve("deploy/webhook");
        return Files.isDirectory(dir) ? dir : here.getParent().resolve("deploy/webhook");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String file) {
        try {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(dir().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings file deploy/webhook/configmap.yaml gives the operator, as Micronaut property names and values. */
    @SuppressWarnings("unchecked")
    static Map<String, String> shippedSettings() {
        String yml = (String) ((Map<String, Object>) load("configmap.yaml").get("data")).get("webhook.yml");
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yml), flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... path) {
        Object o = node;
        for (Object p : path) {
            o = p instanceof Integer i ? ((List<Object>) o).get(i) : ((Map<String, Object>) o).get(p);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, String> out) {
        node.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                flatten(key, (Map<String, Object>) m, out);
            } else {
                out.put(key, String.valueOf(v));
            }
        });
    }
}
