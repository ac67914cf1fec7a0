package io.metalkube.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher (with the expectations of {@link KubectlDiscovery} in front), made to behave like a real
 * API server where users notice the difference (build-notes.md lists the mock's gaps):
 * <ul>
 * <li>merge patches and strategic merge patches are applied here, as RFC 7386 says (a {@code null} removes the key,
 *     arrays are replaced) and as kubectl needs for built-in types (strategic merge: the mock answers 415), then stored
 *     with a resourceVersion-checked PUT; a stale resourceVersion in the patch is a 409;</li>
 * <li>a Secret's {@code stringData} is folded into {@code data} (base64) on every write;</li>
 * <li>{@code metadata.generateName} gets five random characters of the API server's alphabet
 *     ({@code baremetal-master-x7k2p}), not the mock's UUID.</li>
 * </ul>
 */
final class RealServerDispatcher extends KubernetesMixedDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETS = Pattern.compile("^/api/v1/namespaces/[^/]+/secrets(/[^/?]+)?(\\?.*)?$");

    RealServerDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return switch (request.getMethod()) {
                case "POST" -> super.dispatch(withBody(request, HttpMethod.POST, created(request)));
                case "PUT" -> super.dispatch(withBody(request, HttpMethod.PUT, written(request, object(request))));
                case "PATCH" -> isMergeOrStrategic(request) ? patch(request) : super.dispatch(request);
                default -> super.dispatch(request);
            };
        } catch (IOException | IllegalArgumentException e) {
            return status(400, "BadRequest", "the request body is not valid JSON: " + e.getMessage());
        }
    }

    private JsonNode created(RecordedRequest request) throws IOException {
        JsonNode body = object(request);
        if (body instanceof ObjectNode o && o.path("metadata") instanceof ObjectNode meta
                && meta.path("name").asText("").isEmpty() && !meta.path("generateName").asText("").isEmpty()) {
            meta.put("name", GeneratedNames.next(meta.path("generateName").asText()));
        }
        return written(request, body);
    }

    private static JsonNode written(RecordedRequest request, JsonNode body) {
        if (SECRETS.matcher(request.getPath()).matches() && body instanceof ObjectNode secret) {
            StringData.fold(secret);
        }
        return body;
    }

    /** GET, merge, PUT with the resourceVersion that was read: a concurrent writer makes this a 409, as on a server. */
    private MockResponse patch(RecordedRequest request) throws IOException {
        String path = request.getPath();
        String objectPath = stripQuery(path).replaceFirst("/status$", "");
        MockResponse current = super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, objectPath, request.getHeaders(),
                new Buffer()));
        if (current.code() != 200) {
            return current;
        }
        JsonNode stored = JSON.readTree(current.getBody().getBytes());
        JsonNode patch = Patches.withoutDirectives(object(request));
        String storedVersion = stored.path("metadata").path("resourceVersion").asText();
        String expected = patch.path("metadata").path("resourceVersion").asText("");
        if (!expected.isEmpty() && !expected.equals(storedVersion)) {
            return status(409, "Conflict", "Operation cannot be fulfilled on " + stored.path("kind").asText() + " \""
                    + stored.path("metadata").path("name").asText() + "\": the object has been modified; please apply your changes to the"
                    + " latest version and try again");
        }
        JsonNode merged = Patches.merge(stored, patch);
        ((ObjectNode) merged.path("metadata")).put("resourceVersion", storedVersion);
        return super.dispatch(withBody(request, HttpMethod.PUT, written(request, merged)));
    }

    private static boolean isMergeOrStrategic(RecordedRequest request) {
        String type = String.valueOf(request.getHeader("Content-Type"));
        return type.startsWith("application/merge-patch+json") || type.startsWith("application/strategic-merge-patch+json");
    }

    private static JsonNode object(RecordedRequest request) throws IOException {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static RecordedRequest withBody(RecordedRequest request, HttpMethod method, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        Map<String, List<String>> headers = new java.util.HashMap<>(request.getHeaders().toMultimap());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type") || k.equalsIgnoreCase("Content-Length"));
        Headers.Builder rebuilt = Headers.builder();
        headers.forEach((k, vs) -> vs.forEach(v -> rebuilt.add(k, v)));
        rebuilt.add("Content-Type", "application/json");
        rebuilt.add("Content-Length", Integer.toString(bytes.length));
        return new RecordedRequest(request.getHttpVersion(), method, request.getPath(), rebuilt.build(), new Buffer(bytes));
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static MockResponse status(int code, String reason, String message) {
        ObjectNode s = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Status").put("status", "Failure")
                .put("message", message).put("reason", reason).put("code", code);
        s.putObject("metadata");
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(s.toString());
    }
}
