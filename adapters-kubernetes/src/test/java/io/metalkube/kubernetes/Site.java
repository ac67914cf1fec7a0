package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * Test wiring, as bootstrap does it: an embedded API server, and operators built from KubernetesPorts, the
 * application's services and the fixture back-end.
 */
final class Site {

    static final String NS = "default";

    /** One operator instance: its own client, ports, use cases, and JOSDK operator. */
    static final class Instance implements AutoCloseable {
        final KubernetesClient client;
        final KubernetesPorts ports;
        final HostReconciler hosts;
        final MachineClaimer claimer;
        final KubernetesOperator operator;

        Instance(EmbeddedApiServer api, KubernetesSettings settings, FixtureBackend backend) {
            this(api, settings, backend, null);
        }

        /** With {@code counter} counting every request of this instance's client (JOSDK's included). */
        Instance(EmbeddedApiServer api, KubernetesSettings settings, FixtureBackend backend, ApiRequestCounter counter) {
            Clock clock = Clock.systemUTC();
            client = api.client(settings, counter);
            ports = new KubernetesPorts(client, settings, clock);
            hosts = new HostReconciler(ports.hosts(), ports.credentials(), new StateCountingCapacity(ports.hosts(), 100, clock),
                    new OperationRunner(backend.asBackend()), ports.events(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
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

    static KubernetesSettings settings(String name) {
        return KubernetesSettings.defaults().withOperatorName(name).withApiRequestsPerSecond(2_000);
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

    static void createHost(KubernetesClient client, String name, int n, Map<String, String> labels) {
        client.secrets().inNamespace(NS).resource(secret(NS, name + "-bmc", "admin", "pw-" + name)).create();
        client.resources(BareMetalHost.class).inNamespace(NS).resource(host(NS, name, name + "-bmc", n, labels)).create();
    }

    static BareMetalHost host(KubernetesClient client, String name) {
        return client.resources(BareMetalHost.class).inNamespace(NS).withName(name).get();
    }

    static String state(BareMetalHost h) {
        return h == null || h.getStatus() == null || h.getStatus().provisioning == null ? "" : h.getStatus().provisioning.state;
    }

    /** Sets an annotation as a user would, reading again if the operator wrote in between (409). */
    static void annotate(KubernetesClient client, String namespace, String name, String key, String value) {
        edit(client, namespace, name, h -> {
            java.util.Map<String, String> a = new java.util.HashMap<>(h.getMetadata().getAnnotations() == null
                    ? Map.of() : h.getMetadata().getAnnotations());
            a.put(key, value);
            h.getMetadata().setAnnotations(a);
        });
    }

    /** Edits a host as a user would, reading again if the operator wrote in between (409). */
    static void edit(KubernetesClient client, String namespace, String name, java.util.function.Consumer<BareMetalHost> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.resources(BareMetalHost.class).inNamespace(namespace).withName(name).edit(h -> {
                    change.accept(h);
                    return h;
                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    static Machine machine(KubernetesClient client, String name) {
        return client.resources(Machine.class).inNamespace(NS).withName(name).get();
    }
}
