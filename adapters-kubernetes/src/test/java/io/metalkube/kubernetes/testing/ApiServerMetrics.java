package io.metalkube.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real API server counted, from its Prometheus {@code /metrics} (kube-lite serves kube-apiserver's):
 * requests by verb, resource and HTTP code, and the server-side time they took. All clients together: take
 * differences between two snapshots around the work to measure.
 */
public record ApiServerMetrics(Map<String, Double> requests, Map<String, Double> seconds) {

    private static final Pattern SAMPLE = Pattern.compile("^(apiserver_request_total|apiserver_request_duration_seconds_sum)\\{(.*)} (\\S+)$");

    public static ApiServerMetrics of(KubernetesClient client) {
        Map<String, Double> requests = new TreeMap<>();
        Map<String, Double> seconds = new TreeMap<>();
        for (String line : client.raw("/metrics").split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            for (String kv : m.group(2).split(",")) {
                String[] p = kv.split("=", 2);
                labels.put(p[0], p[1].replace("\"", ""));
            }
            String resource = labels.getOrDefault("resource", "");
            if (resource.isEmpty() || "WATCH".equals(labels.get("verb"))) {
                continue;
            }
            String key = labels.get("verb") + " " + resource + (labels.getOrDefault("subresource", "").isEmpty() ? "" : "/" + labels.get("subresource"));
            double value = Double.parseDouble(m.group(3));
            if (m.group(1).equals("apiserver_request_total")) {
                requests.merge(key, value, Double::sum);
                requests.merge(key + " " + labels.get("code"), value, Double::sum);
            } else {
                seconds.merge(key, value, Double::sum);
            }
        }
        return new ApiServerMetrics(requests, seconds);
    }

    /** What happened between {@code earlier} and this snapshot. */
    public ApiServerMetrics minus(ApiServerMetrics earlier) {
        return new ApiServerMetrics(diff(requests, earlier.requests), diff(seconds, earlier.seconds));
    }

    /** Requests of "VERB resource[/subresource]" (all codes), or with " CODE" appended, of one code. */
    public double count(String key) {
        return requests.getOrDefault(key, 0.0);
    }

    /** Mean server-side milliseconds of "VERB resource[/subresource]". */
    public double meanMillis(String key) {
        double n = count(key);
        return n == 0 ? Double.NaN : seconds.getOrDefault(key, 0.0) * 1_000 / n;
    }

    private static Map<String, Double> diff(Map<String, Double> now, Map<String, Double> before) {
        Map<String, Double> d = new TreeMap<>();
        now.forEach((k, v) -> {
            double x = v - before.getOrDefault(k, 0.0);
            if (x != 0) {
                d.put(k, x);
            }
        });
        return d;
    }
}
