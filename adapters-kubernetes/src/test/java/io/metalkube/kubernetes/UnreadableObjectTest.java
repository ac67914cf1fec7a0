package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 8: a BareMetalHost the mapping cannot read never crashes the reconcile loop. A null annotation value
 * (what the embedded API server keeps after {@code kubectl annotate KEY-}) is read as removed, with a Warning event
 * naming it; a value that cannot be read at all becomes a status error and an event naming the field, and the host
 * backs off like any other error.
 * CRUD mock only: the null values it stores are what a real API server drops or refuses before any controller sees them.
 */
class UnreadableObjectTest {

    static final String NS = "default";
    static TestApiServer api;
    static Site.Instance site;
    static final FixtureBackend backend = Site.instantBackend();
    static KubernetesClient client;
    static Site.User user;

    @BeforeAll
    static void start() {
        api = ApiServerBinding.CRUD_MOCK.open();
        site = new Site.Instance(api, Site.settings("metalkube-unreadable", NS), backend).start();
        client = api.client();
        user = new Site.User(client, NS);
    }

    @AfterAll
    static void stop() {
        site.close();
        api.close();
    }

    @Test
    void aNullAnnotationValueIsReadAsRemovedAndTheHostKeepsWorking() {
        user.createHost("null-annotation-0", 110, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(user.state("null-annotation-0")));
        // the mock stores a JSON null as it is (a real API server drops the key): what `kubectl annotate KEY-` leaves
        jsonPatch("null-annotation-0", "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\""
                + HostAnnotationCodec.HARDWARE_DETAILS + "\":null,\"" + HostAnnotationCodec.PAUSED + "\":null}}]");
        assertThat(user.host("null-annotation-0").getMetadata().getAnnotations())
                .containsEntry(HostAnnotationCodec.HARDWARE_DETAILS, null);

        user.edit("null-annotation-0", h -> h.getSpec().online = true);

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(user.host("null-annotation-0").getStatus().poweredOn));
        await().atMost(Duration.ofSeconds(10)).until(() -> warned("null-annotation-0", HostAnnotationCodec.HARDWARE_DETAILS));
        assertThat(user.host("null-annotation-0").getStatus().errorType).isNull();
        assertThat(site.operator.isRunning()).isTrue();
    }

    @Test
    void aStatusValueThatCannotBeReadBecomesAStatusErrorAndAnEventNamingTheFieldAndBacksOff() {
        user.createHost("bad-state-0", 111, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(user.state("bad-state-0")));
        long registrations = backend.calls("register");

        statusPatch("bad-state-0", "[{\"op\":\"replace\",\"path\":\"/status/provisioning/state\",\"value\":\"sideways\"}]");

        await().atMost(Duration.ofSeconds(10)).until(() -> "registration error".equals(user.host("bad-state-0").getStatus().errorType));
        var status = user.host("bad-state-0").getStatus();
        assertThat(status.errorMessage).contains("status.provisioning.state").contains("sideways");
        assertThat(status.operationalStatus).isEqualTo("error");
        assertThat(status.errorCount).isEqualTo(1);
        assertThat(status.provisioning.state).as("the unreadable value is left for the user to see").isEqualTo("sideways");
        await().atMost(Duration.ofSeconds(10)).until(() -> warned("bad-state-0", "status.provisioning.state"));
        // backs off: no hot loop of status writes or re-registrations while the value stays unreadable
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                user.host("bad-state-0").getStatus().errorCount == 1 && backend.calls("register") == registrations);

        // fixed by the user: the error goes at once (no backoff to wait out) and the host is available again
        statusPatch("bad-state-0", "[{\"op\":\"replace\",\"path\":\"/status/provisioning/state\",\"value\":\"available\"}]");
        await().atMost(Duration.ofSeconds(10)).until(() -> user.host("bad-state-0").getStatus().errorType == null);
        assertThat(user.state("bad-state-0")).isEqualTo("available");
        assertThat(site.operator.isRunning()).isTrue();
    }

    @Test
    void nullLabelValuesAndNullListEntriesDoNotStopTheHost() {
        user.createHost("null-label-0", 112, Map.of("rack", "r1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(user.state("null-label-0")));
        jsonPatch("null-label-0", "[{\"op\":\"add\",\"path\":\"/metadata/labels/rack\",\"value\":null}]");
        statusPatch("null-label-0", "[{\"op\":\"add\",\"path\":\"/status/hardware\",\"value\":{\"nics\":[null],\"storage\":[null]}},"
                + "{\"op\":\"add\",\"path\":\"/status/conditions/-\",\"value\":null}]");

        user.edit("null-label-0", h -> h.getSpec().online = true);

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(user.host("null-label-0").getStatus().poweredOn));
        assertThat(user.host("null-label-0").getStatus().errorType).isNull();
    }

    private static void jsonPatch(String name, String patch) {
        client.resources(BareMetalHost.class).inNamespace(NS).withName(name).patch(PatchContext.of(PatchType.JSON), patch);
    }

    private static void statusPatch(String name, String patch) {
        client.resources(BareMetalHost.class).inNamespace(NS).withName(name).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), patch);
    }

    private static boolean warned(String name, String text) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .anyMatch((Event e) -> name.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                        && e.getMessage() != null && e.getMessage().contains(text));
    }
}
