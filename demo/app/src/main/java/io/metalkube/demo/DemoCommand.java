package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;
import io.metalkube.bootstrap.logging.LogFormat;
import io.metalkube.bootstrap.logging.Logging;
import io.metalkube.demo.apiserver.CrudApiServer;
import io.metalkube.kubernetes.Crds;

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

    static final String SEED_MACHINES = "/io/metalkube/demo/seed-machines.yaml";
    private static final Duration POLL = Duration.ofMillis(250);

    /** How the demo ended, for the caller and tests. */
    public record Result(int exitCode, List<HostRow> hosts, List<MachineRow> machines) {
    }

    private DemoCommand() {
    }

    /** {@code java -jar metalkube-demo.jar [options]} (bin/demo). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Command-line entry; returns the process exit code. */
    public static int run(String[] args) {
        Logging.install();
        if (DemoOptions.wantsHelp(args)) {
            System.out.println(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.console() != null);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        quietLogs();
        if (LogFormat.configured() == LogFormat.JSON) {
            // one format for everything: the table and messages become log lines too
            options = options.withLive(false);
            return run(options, LogLinePrintStream.forLogger("io.metalkube.demo")).exitCode();
        }
        return run(options, System.out).exitCode();
    }

    public static Result run(DemoOptions options, PrintStream out) {
        Instant start = Instant.now();
        CrudApiServer api = CrudApiServer.start(Crds.RESOURCES);
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
                    out.println("\nBoth Machines own provisioned, powered-on hosts after " + seconds(elapsed) + ".");
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
    private static void stop(RunningOperator operator, CrudApiServer api) {
        try {
            if (operator != null) {
                operator.close();
            }
        } finally {
            api.close();
        }
    }

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM); a shutdown hook then stops everything in order. */
    private static void hold(CrudApiServer api, RunningOperator operator, DemoOptions options, PrintStream out,
                             String health) throws InterruptedException {
        KubectlGateway gateway;
        try {
            gateway = KubectlGateway.start(api);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the kubectl gateway on a loopback port", e);
        }
        CrudApiServer.writeKubeconfig(options.kubeconfig().toAbsolutePath(), gateway.url());
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
