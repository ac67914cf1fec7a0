package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.RealApiServer;
import io.metalkube.kubernetes.testing.TestWebhookServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A start-up failure for want of a permission names that permission. On a kube-lite of its own (it changes what the
 * whole server allows) where a validating webhook refuses SelfSubjectRulesReviews with 403 Forbidden, as an API
 * server's RBAC does for an account without that grant: java-operator-sdk's leader election asks for one at start-up.
 */
class StartupPermissionsTest {

    @Test
    void leaderElectionWithoutLeasePermissionsFailsNamingThem() {
        // CRUD mock only: kube-lite's rules review always lists "*" (every request is cluster-admin), so only a mock
        // answer can say that this account may not use Leases, as a real API server with RBAC says it
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewMetadata().withName("review").endMetadata()
                        .withNewStatus().withIncomplete(false).withResourceRules(new ResourceRuleBuilder()
                                .withApiGroups("metal3.io").withResources("baremetalhosts").withVerbs("get", "list", "watch").build())
                        .endStatus().build()).always();
        try (KubernetesClient client = server.createClient();
             KubernetesOperator operator = new KubernetesOperator(client, Site.settings("metalkube", "site").withServerSideApply(false)
                     .withLeaderElection(new LeaseSettings("metalkube-operator", "metalkube", "pod-0")),
                     id -> ReconcileResult.finished(), m -> ReconcileResult.finished())) {
            Crds.install(client);
            Throwable failure = catchThrowable(operator::start);
            System.out.println("start-up failure without Lease rules: " + failure.getMessage());
            assertThat(failure).isInstanceOf(OperatorStartException.class)
                    .hasMessageContaining("get, create and update on leases.coordination.k8s.io in namespace metalkube")
                    .hasMessageContaining("metalkube-leader-election");
        } finally {
            server.destroy();
        }
    }

    @Test
    void withoutTheCrdsOrWithoutPermissionToReviewItsLeaseRightsStartUpFailsSayingWhatIsMissing() {
        assumeTrue(KubeLite.binary().isPresent(), KubeLite::unavailableReason);
        try (KubeLite kubeLite = KubeLite.start();
             RealApiServer api = new RealApiServer(kubeLite.kubeconfigYaml());
             TestWebhookServer rbac = TestWebhookServer.refusing(r -> true,
                     "selfsubjectrulesreviews.authorization.k8s.io is forbidden: User \"system:serviceaccount:metalkube:metalkube-operator\" "
                             + "cannot create resource \"selfsubjectrulesreviews\" in API group \"authorization.k8s.io\" at the cluster scope")) {
            String ns = api.namespace("startup");
            try (KubernetesOperator noCrds = new KubernetesOperator(api.client(), Site.settings("metalkube", ns),
                    id -> ReconcileResult.finished(), m -> ReconcileResult.finished())) {
                Throwable failure = catchThrowable(noCrds::start);
                System.out.println("start-up failure without the CRDs: " + failure.getMessage());
                assertThat(failure).isInstanceOf(OperatorStartException.class)
                        .hasMessageContaining("does not serve baremetalhosts.metal3.io").hasMessageContaining("kubectl apply -k deploy/");
            }
            RealApiServer.installCrds(api.client());
            rbac.register(api.client(), "deny-rules-reviews", "authorization.k8s.io", "selfsubjectrulesreviews", "CREATE");
            Site.Instance site = new Site.Instance(api, Site.settings("metalkube", ns)
                    .withLeaderElection(new LeaseSettings("metalkube-operator", ns, "pod-0")), Site.instantBackend());
            try {
                Throwable failure = catchThrowable(site::start);
                System.out.println("start-up failure on kube-lite: " + failure.getMessage());
                assertThat(failure).isInstanceOf(OperatorStartException.class)
                        .hasMessageContaining("create selfsubjectrulesreviews.authorization.k8s.io")
                        .hasMessageContaining("leader election")
                        .hasMessageContaining("HTTP 403");
                assertThat(rbac.seen()).as("the API server asked our stand-in for RBAC").isNotEmpty();
            } finally {
                site.close();
            }
        }
    }
}
