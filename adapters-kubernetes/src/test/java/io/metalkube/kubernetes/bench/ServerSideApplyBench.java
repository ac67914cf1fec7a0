package io.metalkube.kubernetes.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.testing.ApiServerMetrics;
import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.RealApiServer;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply or not (issue 14): java-operator-sdk patches our primary resources itself only to add the
 * finalizer (the use cases write everything else through the ports). On one kube-lite, N hosts enrolled to available
 * twice, once per mode, each host's labels edited by a "user" right after it is created (the race a finalizer add
 * meets in practice). Compares the finalizer requests, their conflicts (HTTP 409) and server-side latency, as
 * kube-lite counted them, and the wall time. Usage: {@code ServerSideApplyBench <hosts>}.
 */
public final class ServerSideApplyBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<String[]> rows = new ArrayList<>();
        try (KubeLite kubeLite = KubeLite.start(); RealApiServer api = new RealApiServer(kubeLite.kubeconfigYaml())) {
            RealApiServer.installCrds(api.client());
            for (boolean ssa : new boolean[]{false, true}) {
                rows.add(run(api, n, ssa));
            }
        }
        System.out.printf("%n| finalizer added with | hosts | wall to all available | finalizer requests (PATCH baremetalhosts by the operator) | of them 409 | mean server time per PATCH | operator requests in all |%n");
        System.out.printf("| --- | --- | --- | --- | --- | --- | --- |%n");
        rows.forEach(r -> System.out.printf("| %s |%n", String.join(" | ", r)));
        System.out.printf("%nload average %.2f (1 min) on %d cores%nreproduce: ./mvnw -B -q -pl adapters-kubernetes -am test-compile "
                        + "dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test && java -cp "
                        + "adapters-kubernetes/target/test-classes:adapters-kubernetes/target/classes:$(cat adapters-kubernetes/target/bench.cp) %s %d%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(),
                ServerSideApplyBench.class.getName(), n);
        System.exit(0);
    }

    static String[] run(RealApiServer api, int n, boolean ssa) throws Exception {
        String ns = api.namespace(ssa ? "ssa" : "json-patch");
        KubernetesSettings settings = KubernetesSettings.defaults().withOperatorName("bench").withNamespaces(Set.of(ns))
                .withApiRequestsPerSecond(100_000).withServerSideApply(ssa);
        ApiRequestCounter counter = new ApiRequestCounter();
        KubernetesClient opClient = api.client(settings, counter);
        KubernetesClient user = api.client();
        Clock clock = Clock.systemUTC();
        KubernetesPorts ports = new KubernetesPorts(opClient, settings, clock);
        HostReconciler hosts = new HostReconciler(ports.hosts(), ports.credentials(), new StateCountingCapacity(ports.hosts(), n, clock),
                new OperationRunner(new FixtureBackend(clock, FixtureTimings.instant()).asBackend()), ports.events(),
                new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        try (KubernetesOperator operator = new KubernetesOperator(opClient, settings, hosts,
                new MachineClaimer(ports.machines(), ports.hosts(), HostClaims.standard()))) {
            operator.start();
            ApiServerMetrics before = ApiServerMetrics.of(user);
            var opBefore = counter.snapshot();
            long t0 = System.nanoTime();
            BenchSupport.parallel(n, i -> {
                String name = "host-" + i;
                user.secrets().inNamespace(ns).resource(new SecretBuilder().withMetadata(new ObjectMetaBuilder().withNamespace(ns)
                        .withName(name + "-bmc").withLabels(Map.of("environment.metal3.io", "baremetal")).build())
                        .withData(Map.of("username", BenchSupport.b64("admin"), "password", BenchSupport.b64("pw"))).build()).create();
                user.resources(BareMetalHost.class).inNamespace(ns).resource(BenchSupport.host(ns, name, i)).create();
                // a user (or another controller) labels the host at once: the finalizer add races this write
                user.resources(BareMetalHost.class).inNamespace(ns).withName(name)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"rack\":\"r" + (i % 40) + "\"}}}");
            });
            boolean done = BenchSupport.await(() -> user.resources(BareMetalHost.class).inNamespace(ns).list().getItems().stream()
                    .filter(h -> h.getStatus() != null && h.getStatus().provisioning != null
                            && "available".equals(h.getStatus().provisioning.state)).count() >= n);
            double wall = (System.nanoTime() - t0) / 1e9;
            BenchSupport.awaitQuiet(counter);
            ApiServerMetrics d = ApiServerMetrics.of(user).minus(before);
            var op = counter.snapshot().minus(opBefore);
            long finalizerPatches = op.of("PATCH baremetalhosts");
            double labelPatches = n;
            double conflicts = d.count("PATCH baremetalhosts 409");
            System.out.printf("%s: %s, operator %s, server %s%n", ssa ? "server-side apply" : "JSON patch",
                    done ? "all available" : "NOT all available", op.detail(), d.requests());
            return new String[]{ssa ? "server-side apply" : "JSON patch", Integer.toString(n), String.format("%.1f s", wall),
                    String.format("%d (%.2f per host)", finalizerPatches, finalizerPatches / (double) n),
                    String.format("%.0f", conflicts),
                    String.format("%.1f ms (user's label patches included: %.0f)", d.meanMillis("PATCH baremetalhosts"), labelPatches),
                    Long.toString(op.reads() + op.writes())};
        }
    }
}
