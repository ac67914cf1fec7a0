package io.metalkube.bootstrap.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.bootstrap.jar.JarProcess;
import io.metalkube.kubernetes.KubernetesClients;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.testing.ApiServerMetrics;
import io.metalkube.kubernetes.testing.KubeLite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Enrolment on the operator path, as a user first tried it (issue 14): kube-lite, the fat jar with its defaults
 * (fixture back-end: register 1 s, inspect 3 s; provisioning limit 20; 20 API requests/s; leader election on), and
 * N hosts as metal3 users write them (no image, online: false) created with {@code kubectl create}. Prints how many
 * hosts are available over time, the enrolment rate in hosts per inspection time (the most the provisioning limit
 * allows is 20), the Events by reason and the operator's API requests as kube-lite counted them, and fails when the
 * rate is below {@code minPerInspection}.
 * <p>
 * Usage (from the repository root; {@code bin/bench enrolment-rate ...} builds what it needs first):
 * {@code EnrolmentRateBench <hosts> <minutes> [minPerInspection] [KEY=VALUE operator env ...]}
 */
public final class EnrolmentRateBench {

    static final String NS = "site";
    static final double INSPECT_SECONDS = 3.0;

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        double minPerInspection = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Map<String, String> extraEnv = new TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            extraEnv.put(kv[0], kv[1]);
        }
        int code = new EnrolmentRateBench().run(hosts, minutes, minPerInspection, extraEnv);
        System.exit(code);
    }

    int run(int n, int minutes, double minPerInspection, Map<String, String> extraEnv) throws Exception {
        Path root = root();
        Path kubectl = Path.of("/usr/bin/kubectl");
        try (KubeLite kubeLite = KubeLite.start()) {
            Path kubeconfig = kubeLite.dir().resolve("kubeconfig");
            kubectl(kubectl, kubeconfig, "apply", "-f", root.resolve("deploy/crds").toString());
            kubectl(kubectl, kubeconfig, "wait", "--for", "condition=established", "--timeout=60s", "crd/baremetalhosts.metal3.io");
            kubectl(kubectl, kubeconfig, "create", "namespace", NS);
            Path manifests = writeHosts(kubeLite.dir().resolve("hosts.yaml"), n);
            Map<String, String> env = new TreeMap<>(Map.of("KUBECONFIG", kubeconfig.toString(), "METALKUBE_BACKEND", "fixture",
                    "MICRONAUT_SERVER_PORT", Integer.toString(freePort())));
            env.putAll(extraEnv);
            if (System.getProperty("metalkube.jar") == null) {
                System.setProperty("metalkube.jar", root.resolve("bootstrap/target/metalkube.jar").toString());
            }
            // The hosts first, then the operator: on a busy machine kubectl creates far slower than the user's 31 s,
            // and the operator would only be measured keeping up with kubectl. With every host waiting, its own rate shows.
            long c0 = System.nanoTime();
            kubectl(kubectl, kubeconfig, "create", "-f", manifests.toString());
            double created = (System.nanoTime() - c0) / 1e9;
            System.out.printf("%d hosts and their Secrets created with kubectl create in %.0f s; starting the operator%n", n, created);
            try (KubernetesClient client = KubernetesClients.create(Config.fromKubeconfig(Files.readString(kubeconfig)),
                    KubernetesSettings.defaults().withApiRequestsPerSecond(1_000))) {
                ApiServerMetrics before = ApiServerMetrics.of(client);
                long t0 = System.nanoTime();
                List<double[]> samples = new ArrayList<>();
                Map<String, Long> states;
                try (JarProcess operator = JarProcess.start(List.of("-Xmx256m"), List.of(), env)) {
                long deadline = t0 + TimeUnit.MINUTES.toNanos(minutes);
                do {
                    Thread.sleep(5_000);
                    states = client.resources(BareMetalHost.class).inNamespace(NS).list().getItems().stream()
                            .collect(Collectors.groupingBy(EnrolmentRateBench::state, TreeMap::new, Collectors.counting()));
                    double t = (System.nanoTime() - t0) / 1e9;
                    long available = states.getOrDefault("available", 0L);
                    samples.add(new double[]{t, available});
                    System.out.printf("  %6.0f s  available %5d  %s%n", t, available, states);
                } while (states.getOrDefault("available", 0L) < n && System.nanoTime() < deadline && operator.alive());
                if (!operator.alive()) {
                    String out = operator.output();
                    System.out.println("the operator exited before the end; the last of its output:\n"
                            + out.substring(Math.max(0, out.length() - 6_000)));
                    return 3;
                }
                }
                ApiServerMetrics during = ApiServerMetrics.of(client).minus(before);
                Map<String, Long> events = client.v1().events().inNamespace(NS).list().getItems().stream()
                        .collect(Collectors.groupingBy(e -> e.getReason(), TreeMap::new, Collectors.counting()));
                return report(n, created, samples, events, during, minPerInspection, extraEnv, minutes);
            }
        }
    }

    /** Hosts per inspection time, from the first host available to the end (or to 90 % of the hosts available). */
    private int report(int n, double created, List<double[]> samples, Map<String, Long> events, ApiServerMetrics requests,
                       double minPerInspection, Map<String, String> env, int minutes) {
        double[] last = samples.getLast();
        // from the first sample with a host available to the last sample (or the one where 90 % were available)
        double[] a = samples.stream().filter(s -> s[1] > 0).findFirst().orElse(samples.getFirst());
        double[] b = samples.stream().filter(s -> s[1] >= 0.9 * n).findFirst().orElse(last);
        double perSecond = b[0] > a[0] ? (b[1] - a[1]) / (b[0] - a[0]) : 0;
        double perInspection = perSecond * INSPECT_SECONDS;
        System.out.println();
        System.out.printf("| measure | value |%n| --- | --- |%n");
        System.out.printf("| hosts created with kubectl (before the operator started) | %d in %.0f s |%n", n, created);
        System.out.printf("| available at the end | %.0f of %d, %.0f s after the operator started |%n", last[1], n, last[0]);
        System.out.printf("| enrolment rate (first host available at %.0f s to %.0f s) | %.1f hosts/min = **%.2f hosts per inspection time** (3 s; the limit allows 20) |%n",
                a[0], b[0], perSecond * 60, perInspection);
        events.forEach((reason, count) -> System.out.printf("| Events %s | %d |%n", reason, count));
        System.out.printf("| Events, all | %d |%n", events.values().stream().mapToLong(Long::longValue).sum());
        requests.requests().entrySet().stream().filter(e -> e.getValue() >= 1 && e.getKey().split(" ").length == 2).forEach(e ->
                System.out.printf("| API requests %s | %.0f |%n", e.getKey(), e.getValue()));
        System.out.printf("%nload average %.2f (1 min) on %d cores; operator env %s%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(), env);
        System.out.printf("reproduce: bin/bench enrolment-rate %d %d %s%s%n", n, minutes, minPerInspection,
                env.isEmpty() ? "" : " " + env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        if (perInspection < minPerInspection) {
            System.out.printf("FAIL: %.1f hosts per inspection time, expected at least %.1f%n", perInspection, minPerInspection);
            return 1;
        }
        return 0;
    }

    private static String state(BareMetalHost h) {
        String s = h.getStatus() == null || h.getStatus().provisioning == null || h.getStatus().provisioning.state == null
                ? "(new)" : h.getStatus().provisioning.state;
        return h.getStatus() != null && "delayed".equals(h.getStatus().operationalStatus) ? s + " (delayed)" : s;
    }

    private static Path writeHosts(Path file, int n) throws IOException {
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < n; i++) {
            y.append("""
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: host-%1$d-bmc, namespace: %2$s, labels: {environment.metal3.io: baremetal}}
                    type: Opaque
                    stringData: {username: admin, password: pw-%1$d}
                    ---
                    apiVersion: metal3.io/v1alpha1
                    kind: BareMetalHost
                    metadata: {name: host-%1$d, namespace: %2$s}
                    spec:
                      online: false
                      bootMACAddress: "52:54:00:%3$02x:%4$02x:%5$02x"
                      bmc: {address: "ipmi://10.%3$d.%4$d.%5$d", credentialsName: host-%1$d-bmc}
                    ---
                    """.formatted(i, NS, i >> 16 & 255, i >> 8 & 255, i & 255));
        }
        return Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
    }

    static void kubectl(Path kubectl, Path kubeconfig, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + out);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The repository root (the directory with mvnw), from the working directory upwards. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("run this from the MetalKube repository (no mvnw and deploy/ above " + Path.of("").toAbsolutePath() + ")");
    }
}
