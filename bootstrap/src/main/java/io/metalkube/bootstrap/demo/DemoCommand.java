package io.metalkube.bootstrap.demo;

import io.metalkube.bootstrap.demo.DemoCluster.HostRow;
import io.metalkube.bootstrap.demo.DemoCluster.MachineRow;
import io.metalkube.kubernetes.EmbeddedApiServer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code metalkube.jar demo}: with no cluster at all, starts an embedded API server with our CRDs, the operator
 * itself (the same Micronaut wiring as in a cluster) on the fixture back-end with realistic delays, eight hosts with
 * credentials, then the seed's two Machines; shows a live table until both Machines own provisioned hosts.
 */
public final class DemoCommand {

    static final String SEED_MACHINES = "/io/metalkube/bootstrap/demo/seed-machines.yaml";
    private static final Duration POLL = Duration.ofMillis(250);

    /** How the demo ended, for the caller and tests. */
    public record Result(int exitCode, List<HostRow> hosts, List<MachineRow> machines) {
    }

    private DemoCommand() {
    }

    /** Command-line entry; returns the process exit code. */
    public static int run(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.console() != null);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        quietLogs();
        return run(options, System.out).exitCode();
    }

    public static Result run(DemoOptions options, PrintStream out) {
        Instant start = Instant.now();
        EmbeddedApiServer api = EmbeddedApiServer.start();
        RunningOperator operator = null;
        boolean holding = false;
        try {
            operator = RunningOperator.start(api, options);
            String health = operator.url() + "/health";
            out.println("MetalKube demo: API server " + api.url() + ", operator health " + health);
            DemoCluster cluster = new DemoCluster(api.client(), DemoInventory.NAMESPACE);
            DemoInventory.manifests().forEach(cluster::create);

            ProgressTable table = new ProgressTable(out, options.live());
            String title = "MetalKube demo: 8 hosts, fixture back-end, seed Machines";
            boolean machinesCreated = false;
            Result result = null;
            while (result == null) {
                List<HostRow> hosts = cluster.hosts();
                if (!machinesCreated && DemoProgress.profilesAvailable(hosts)) {
                    DemoCluster.documents(SEED_MACHINES).forEach(cluster::create);
                    machinesCreated = true;
                }
                List<MachineRow> machines = cluster.machines();
                Duration elapsed = Duration.between(start, Instant.now());
                table.show(title, elapsed, hosts, machines);
                if (machinesCreated && DemoProgress.machinesProvisioned(hosts, machines)) {
                    out.println("\nBoth Machines own provisioned hosts after " + seconds(elapsed) + ".");
                    result = new Result(0, hosts, machines);
                } else if (elapsed.compareTo(options.timeout()) > 0) {
                    out.println("\nThe demo timed out after " + options.timeout().toSeconds() + " s: "
                            + DemoProgress.whatIsMissing(hosts, machines, machinesCreated)
                            + ". Re-run with --timeout=SECONDS for a slower machine.");
                    result = new Result(1, hosts, machines);
                } else {
                    Thread.sleep(POLL);
                }
            }
            if (result.exitCode() == 0 && options.hold()) {
                holding = true;
                hold(api, operator, options, out, health);
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, List.of(), List.of());
        } finally {
            if (!holding) {
                stop(operator, api);
            }
        }
    }

    /** Operator first (it uses the API server), then the API server. */
    private static void stop(RunningOperator operator, EmbeddedApiServer api) {
        try {
            if (operator != null) {
                operator.close();
            }
        } finally {
            api.close();
        }
    }

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM); a shutdown hook then stops everything in order. */
    private static void hold(EmbeddedApiServer api, RunningOperator operator, DemoOptions options, PrintStream out,
                             String health) throws InterruptedException {
        KubectlGateway gateway;
        try {
            gateway = KubectlGateway.start(api.url());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the kubectl gateway on a loopback port", e);
        }
        writeKubeconfig(api, gateway, options.kubeconfig().toAbsolutePath());
        out.println("""

                The demo keeps running (Ctrl-C stops it). In another shell:
                  export KUBECONFIG=%s
                  kubectl get bmh
                  kubectl get machines -o yaml
                Health and metrics: %s  %s""".formatted(options.kubeconfig().toAbsolutePath(), health,
                health.replace("/health", "/prometheus")));
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stop(operator, api);
            out.println("MetalKube demo stopped.");
            out.flush();
        }, "demo-stop"));
        new CountDownLatch(1).await();
    }

    /** The embedded API server's kubeconfig, pointed at the gateway (which answers kubectl's discovery). */
    private static void writeKubeconfig(EmbeddedApiServer api, KubectlGateway gateway, java.nio.file.Path file) {
        api.writeKubeconfig(file);
        try {
            String yaml = java.nio.file.Files.readString(file);
            String apiUrl = api.url().toString().replaceAll("/$", "");
            if (!yaml.contains(apiUrl)) {
                throw new IllegalStateException("the embedded API server's kubeconfig " + file + " does not name its URL " + apiUrl);
            }
            java.nio.file.Files.writeString(file, yaml.replace(apiUrl, gateway.url().toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot rewrite the kubeconfig " + file, e);
        }
    }

    /** The live table is the demo's output: operator logs only from WARN up. */
    private static void quietLogs() {
        if (System.getProperty("METALKUBE_LOG_LEVEL") == null && System.getenv("METALKUBE_LOG_LEVEL") == null) {
            System.setProperty("METALKUBE_LOG_LEVEL", "WARN");
        }
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
