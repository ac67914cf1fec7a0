package io.metalkube.ironic.real;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Looks into the real Ironic independently of the adapter (JDK HTTP client), to check what the adapter did. */
final class IronicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    IronicProbe(URI endpoint) {
        this.endpoint = endpoint;
    }

    Map<String, Object> node(String id) {
        HttpResponse<String> r = get("/v1/nodes/" + id);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET node " + id + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    /** Enrols a node as an Ironic operator would (not through the adapter); returns its UUID. */
    String enrol(Map<String, Object> body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/v1/nodes"))
                    .header("X-OpenStack-Ironic-API-Version", "1.82").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new AssertionError("POST /v1/nodes answered " + r.statusCode() + ": " + r.body());
            }
            return String.valueOf(parse(r.body()).get("uuid"));
        } catch (IOException e) {
            throw new AssertionError("cannot reach the real Ironic: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every node (uuid, name, driver_info), as Ironic lists them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> nodes() {
        return (List<Map<String, Object>>) parse(get("/v1/nodes?fields=uuid,name,driver_info&limit=1000").body()).get("nodes");
    }

    boolean exists(String id) {
        return get("/v1/nodes/" + id).statusCode() == 200;
    }

    String portNode(String mac) {
        List<?> ports = (List<?>) parse(get("/v1/ports?fields=node_uuid&address=" + mac).body()).get("ports");
        return ports.isEmpty() ? null : String.valueOf(((Map<?, ?>) ports.getFirst()).get("node_uuid"));
    }

    /** Ironic keeps the config drive in instance_info (shown masked or as given); absent when none was sent. */
    boolean configDriveWasSent(String id) {
        Map<?, ?> info = (Map<?, ?>) node(id).get("instance_info");
        return info.containsKey("configdrive");
    }

    /** Ironic's own view of the node's power: "power on", "power off" or null. */
    Object power(String id) {
        return node(id).get("power_state");
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + path)).header("X-OpenStack-Ironic-API-Version", "1.82")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot reach the real Ironic: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A JSON object's entries with their values as strings (for simple containsEntry checks). */
    static Map<String, String> strings(Object jsonObject) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (jsonObject instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new AssertionError("Ironic answered something that is not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
