package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.out.Backend;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.testing.TestApiServer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Test wiring, as bootstrap does it: operators built from KubernetesPorts, the application's services and the
 * fixture back-end, on a {@link TestApiServer} (the CRUD mock or kube-lite); and {@link User}, a test acting as a
 * user in one namespace.
 */
final class Site {

    /** How long a test waits for the operator to get somewhere: generous, the machine may be busy (a bound, not a sleep). */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Site() {
    }

    /** One operator instance: its own client, ports, use cases, and JOSDK operator. */
    static final class Instance implements AutoCloseable {
        final KubernetesClient client;
        final KubernetesPorts ports;
        final HostReconciler hosts;
        final MachineClaimer claimer;
        final KubernetesOperator operator;
        final AtomicLong backendCalls = new AtomicLong();

        Instance(TestApiServer api, KubernetesSettings settings, FixtureBackend backend) {
            this(api, settings, backend, null);
        }

        /** With {@code counter} counting every request of this instance's client (JOSDK's included). */
        Instance(TestApiServer api, KubernetesSettings settings, FixtureBackend backend, ApiRequestCounter counter) {
            this(api.client(onServer(api, settings), counter), onServer(api, settings), backend);
        }

        /** The CRUD mock has no server-side apply: java-operator-sdk adds the finalizer with a JSON patch there. */
        private static KubernetesSettings onServer(TestApiServer api, KubernetesSettings settings) {
            return settings.withServerSideApply(api.binding().real());
        }

        /**
         * On {@code client}; the back-end behind the client's {@link LeaseFence}, as bootstrap wires it, and counted
         * ({@link #backendCalls}: the calls that reached it).
         */
        Instance(KubernetesClient client, KubernetesSettings settings, FixtureBackend backend) {
            Clock clock = Clock.systemUTC();
            this.client = client;
            ports = new KubernetesPorts(client, settings, clock);
            Backend counted = backend.asBackend().around((operation, call) -> {
                backendCalls.incrementAndGet();
                return call.get();
            });
            hosts = new HostReconciler(ports.hosts(), ports.credentials(), new StateCountingCapacity(ports.hosts(), 100, clock),
                    new OperationRunner(LeaseFence.of(client).guard(counted)), ports.events(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
            claimer = new MachineClaimer(ports.machines(), ports.hosts(), HostClaims.standard());
            operator = new KubernetesOperator(client, settings, hosts, claimer);
        }

        Instance start() {
            operator.start();
            return this;
        }

        @Override
        public void close() {
            operator.close();
        }
    }

    static FixtureBackend instantBackend() {
        return new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    }

    /**
     * An operator named {@code name} watching {@code namespaces}: on a shared real API server every test class works
     * in namespaces of its own, so operators of other classes never see its objects.
     */
    static KubernetesSettings settings(String name, String... namespaces) {
        return KubernetesSettings.defaults().withOperatorName(name).withApiRequestsPerSecond(2_000).withNamespaces(Set.of(namespaces));
    }

    static Secret secret(String namespace, String name, String user, String password) {
        return new SecretBuilder().withMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build())
                .withData(Map.of("username", b64(user), "password", b64(password))).build();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A host with BMC credentials, an image waiting for a consumer (online false), and labels. */
    static BareMetalHost host(String namespace, String name, String secret, int n, Map<String, String> labels) {
        BareMetalHost h = new BareMetalHost();
        h.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withLabels(labels).build());
        BareMetalHostSpec spec = new BareMetalHostSpec();
        spec.bmc = new BareMetalHostSpec.Bmc();
        spec.bmc.address = "ipmi://192.0.2." + n;
        spec.bmc.credentialsName = secret;
        spec.online = false;
        spec.image = new BareMetalHostSpec.Image();
        spec.image.url = "http://images.example/os.qcow2";
        spec.image.checksum = "http://images.example/os.qcow2.md5sum";
        h.setSpec(spec);
        return h;
    }

    static String state(BareMetalHost h) {
        return h == null || h.getStatus() == null || h.getStatus().provisioning == null ? "" : h.getStatus().provisioning.state;
    }

    /** A test acting as a user in one namespace: creates, reads and edits hosts, Machines, Secrets; reads events. */
    record User(KubernetesClient client, String ns) {

        void createHost(String name, int n, Map<String, String> labels) {
            client.secrets().inNamespace(ns).resource(secret(ns, name + "-bmc", "admin", "pw-" + name)).create();
            client.resources(BareMetalHost.class).inNamespace(ns).resource(Site.host(ns, name, name + "-bmc", n, labels)).create();
        }

        BareMetalHost host(String name) {
            return client.resources(BareMetalHost.class).inNamespace(ns).withName(name).get();
        }

        String state(String host) {
            return Site.state(host(host));
        }

        Machine machine(String name) {
            return client.resources(Machine.class).inNamespace(ns).withName(name).get();
        }

        List<BareMetalHost> hosts() {
            return client.resources(BareMetalHost.class).inNamespace(ns).list().getItems();
        }

        List<Event> events() {
            return client.v1().events().inNamespace(ns).list().getItems();
        }

        /** Sets an annotation as a user would, reading again if the operator wrote in between (409). */
        void annotate(String name, String key, String value) {
            edit(name, h -> {
                Map<String, String> a = new HashMap<>(h.getMetadata().getAnnotations() == null ? Map.of() : h.getMetadata().getAnnotations());
                a.put(key, value);
                h.getMetadata().setAnnotations(a);
            });
        }

        /** Edits a host as a user would, reading again if the operator wrote in between (409). */
        void edit(String name, Consumer<BareMetalHost> change) {
            retryingConflicts(() -> client.resources(BareMetalHost.class).inNamespace(ns).withName(name).edit(h -> {
                change.accept(h);
                return h;
            }));
        }

        /** Edits a host's status subresource (as another controller would), reading again on a 409. */
        void editStatus(String name, Consumer<BareMetalHost> change) {
            retryingConflicts(() -> client.resources(BareMetalHost.class).inNamespace(ns).withName(name).editStatus(h -> {
                change.accept(h);
                return h;
            }));
        }

        private static void retryingConflicts(Runnable write) {
            for (int attempt = 1; ; attempt++) {
                try {
                    write.run();
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409 || attempt == 10) {
                        throw e;
                    }
                }
            }
        }
    }
}
