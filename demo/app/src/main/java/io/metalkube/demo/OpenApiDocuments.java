package io.metalkube.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI v3 documents {@code kubectl apply} downloads before it sends anything (without them it refuses unless
 * given {@code --validate=false}; build-notes.md part 2 §7). Minimal but truthful: for each kind, the patch operation
 * with the {@code fieldValidation} parameter (so kubectl leaves validation to the server) and the content types the
 * server accepts, and a schema naming the kind's group, version and kind.
 */
final class OpenApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** group-version path → (plural → kind). */
    private static final Map<String, Map<String, String>> GROUP_VERSIONS = Map.of(
            "api/v1", Map.of("secrets", "Secret", "events", "Event", "configmaps", "ConfigMap", "namespaces", "Namespace"),
            "apis/metal3.io/v1alpha1", Map.of("baremetalhosts", "BareMetalHost"),
            "apis/cluster.k8s.io/v1alpha1", Map.of("machines", "Machine"));

    private OpenApiDocuments() {
    }

    /** The document for {@code path} (/openapi/v3 or /openapi/v3/{group-version}), if it is one of ours. */
    static Optional<String> forPath(String path) {
        if (path.equals("/openapi/v3")) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode paths = root.putObject("paths");
            GROUP_VERSIONS.keySet().forEach(gv -> paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash=metalkube-demo"));
            return Optional.of(root.toString());
        }
        if (path.startsWith("/openapi/v3/")) {
            String gv = path.substring("/openapi/v3/".length());
            return Optional.ofNullable(GROUP_VERSIONS.get(gv)).map(kinds -> document(gv, kinds));
        }
        return Optional.empty();
    }

    private static String document(String gv, Map<String, String> kinds) {
        String[] parts = gv.split("/");
        String group = parts[0].equals("api") ? "" : parts[1];
        String version = parts[parts.length - 1];
        ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0-metalkube-demo");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        kinds.forEach((plural, kind) -> {
            boolean namespaced = !kind.equals("Namespace");
            ObjectNode patch = paths.putObject("/" + gv + (namespaced ? "/namespaces/{namespace}/" : "/") + plural + "/{name}").putObject("patch");
            gvk(patch.putObject("x-kubernetes-group-version-kind"), group, version, kind);
            ArrayNode parameters = patch.putArray("parameters");
            for (String p : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
                parameters.addObject().put("name", p).put("in", "query").putObject("schema").put("type", p.equals("force") ? "boolean" : "string");
            }
            ObjectNode content = patch.putObject("requestBody").putObject("content");
            List<String> types = group.isEmpty() ? List.of("application/json-patch+json", "application/merge-patch+json",
                    "application/strategic-merge-patch+json") : List.of("application/json-patch+json", "application/merge-patch+json");
            types.forEach(t -> content.putObject(t).putObject("schema").put("$ref", "#/components/schemas/" + schemaName(group, version, kind)));
            patch.putObject("responses").putObject("200").put("description", "OK");
            ObjectNode schema = schemas.putObject(schemaName(group, version, kind)).put("type", "object")
                    .put("description", kind + " (" + (group.isEmpty() ? "" : group + "/") + version + ")");
            gvk(schema.putArray("x-kubernetes-group-version-kind").addObject(), group, version, kind);
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").putArray("allOf").addObject().put("$ref", "#/components/schemas/" + OBJECT_META);
            if (kind.equals("Secret") || kind.equals("ConfigMap")) {
                // kubectl computes strategic merge patches of built-in kinds from these fields
                properties.set("data", stringMap());
                properties.set("stringData", stringMap());
                properties.set("binaryData", stringMap());
                properties.putObject("type").put("type", "string");
                properties.putObject("immutable").put("type", "boolean");
            } else {
                schema.put("x-kubernetes-preserve-unknown-fields", true);
            }
        });
        ObjectNode meta = schemas.putObject(OBJECT_META).put("type", "object");
        ObjectNode fields = meta.putObject("properties");
        for (String f : List.of("name", "namespace", "generateName", "resourceVersion", "uid", "creationTimestamp", "deletionTimestamp")) {
            fields.putObject(f).put("type", "string");
        }
        fields.set("labels", stringMap());
        fields.set("annotations", stringMap());
        fields.putObject("finalizers").put("type", "array").putObject("items").put("type", "string");
        fields.putObject("generation").put("type", "integer");
        fields.putObject("ownerReferences").put("type", "array").putObject("items").put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        fields.putObject("managedFields").put("type", "array").putObject("items").put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        return doc.toString();
    }

    private static ObjectNode stringMap() {
        ObjectNode map = JSON.createObjectNode().put("type", "object");
        map.putObject("additionalProperties").put("type", "string");
        return map;
    }

    private static void gvk(ObjectNode node, String group, String version, String kind) {
        node.put("group", group).put("version", version).put("kind", kind);
    }

    private static String schemaName(String group, String version, String kind) {
        return (group.isEmpty() ? "io.k8s.api.core" : String.join(".", java.util.Arrays.asList(group.split("\\.")).reversed())) + "." + version + "." + kind;
    }
}
