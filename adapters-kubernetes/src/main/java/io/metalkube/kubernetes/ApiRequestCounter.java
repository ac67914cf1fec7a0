package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API requests one client sends, by verb and resource ("GET baremetalhosts", "PATCH baremetalhosts/status",
 * "POST events"); watches are counted apart from reads. For tests, benchmarks and metrics: pass it to
 * {@link KubernetesClients#create(io.fabric8.kubernetes.client.Config, KubernetesSettings, ApiRequestCounter)}.
 */
public final class ApiRequestCounter implements Interceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String query = request.uri().getRawQuery();
        boolean watch = query != null && query.contains("watch=true");
        String key = (watch ? "WATCH" : request.method()) + " " + resource(request.uri().getPath());
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The resource (plural, with /status etc. for subresources) of a REST path, or the path when it has none. */
    static String resource(String path) {
        String[] s = path.replaceAll("^/+|/+$", "").split("/");
        int start;
        if (s.length >= 2 && s[0].equals("api")) {
            start = 2;
        } else if (s.length >= 3 && s[0].equals("apis")) {
            start = 3;
        } else {
            return path;
        }
        if (s.length > start + 2 && s[start].equals("namespaces")) {
            start += 2;
        }
        if (s.length <= start) {
            return path;
        }
        // resource [/name [/subresource]]
        return s.length > start + 2 ? s[start] + "/" + s[start + 2] : s[start];
    }

    public Counts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return new Counts(copy);
    }

    /**
     * Request counts at one moment.
     *
     * @param detail count per "VERB resource"
     */
    public record Counts(Map<String, Long> detail) {

        public Counts {
            detail = Map.copyOf(detail);
        }

        /** GETs that are not watches (single objects and lists). */
        public long reads() {
            return sum("GET ");
        }

        /** POST, PUT, PATCH and DELETE. */
        public long writes() {
            return detail.entrySet().stream().filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().startsWith("WATCH "))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long watches() {
            return sum("WATCH ");
        }

        public long of(String verbAndResource) {
            return detail.getOrDefault(verbAndResource, 0L);
        }

        private long sum(String prefix) {
            return detail.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
        }

        /** What happened between {@code earlier} and this snapshot. */
        public Counts minus(Counts earlier) {
            Map<String, Long> d = new TreeMap<>();
            detail.forEach((k, v) -> {
                long n = v - earlier.detail.getOrDefault(k, 0L);
                if (n != 0) {
                    d.put(k, n);
                }
            });
            return new Counts(d);
        }
    }
}
