package io.metalkube.kubernetes.corpus;

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
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;

import java.time.Clock;

/** The operator as bootstrap wires it (Kubernetes ports, application services, instant fixture back-end) on the CRUD mock. */
final class CorpusSite implements AutoCloseable {

    final TestApiServer api;
    final KubernetesClient client;
    final FixtureBackend backend;
    final KubernetesOperator operator;

    CorpusSite() {
        Clock clock = Clock.systemUTC();
        api = ApiServerBinding.CRUD_MOCK.open();
        KubernetesSettings settings = KubernetesSettings.defaults().withOperatorName("metalkube-corpus").withApiRequestsPerSecond(2_000)
                .withServerSideApply(false); // the CRUD mock has none
        client = api.client(settings, null);
        KubernetesPorts ports = new KubernetesPorts(client, settings, clock);
        backend = new FixtureBackend(clock, FixtureTimings.instant());
        HostReconciler hosts = new HostReconciler(ports.hosts(), ports.credentials(), new StateCountingCapacity(ports.hosts(), 100, clock),
                new OperationRunner(backend.asBackend()), ports.events(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        MachineClaimer claimer = new MachineClaimer(ports.machines(), ports.hosts(), HostClaims.standard());
        operator = new KubernetesOperator(client, settings, hosts, claimer);
        operator.start();
    }

    @Override
    public void close() {
        operator.close();
        api.close();
    }
}
