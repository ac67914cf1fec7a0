package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Under the shipped RBAC (Secrets get/list/watch only) labelling is refused once, then never tried again. */
class ReadOnlySecretsTest {

    static final String PATH = "/api/v1/namespaces/site/secrets/";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client = server.createClient();
        for (String name : List.of("bmc-a", "bmc-b")) {
            server.expect().get().withPath(PATH + name).andReturn(200, secret(name)).always();
            server.expect().patch().withPath(PATH + name).andReturn(403, new StatusBuilder().withCode(403)
                    .withReason("Forbidden").withMessage("secrets \"" + name + "\" is forbidden").build()).always();
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void aRefusedLabelStillYieldsTheCredentialsAndIsNotRetried() throws InterruptedException {
        SecretCredentialsLookup lookup = new SecretCredentialsLookup(client);

        for (int i = 0; i < 3; i++) {
            // an existing unlabelled Secret is found (never "not found"), and said to be unwatched: a host waiting on it
            // reads it again every few seconds (issue 11 item 6)
            assertThat(lookup.lookup(new HostId("site", "h1"), "bmc-a")).isInstanceOfSatisfying(CredentialsCheck.Found.class,
                    f -> assertThat(f.watched()).isFalse());
            assertThat(lookup.lookup(new HostId("site", "h2"), "bmc-b")).isInstanceOf(CredentialsCheck.Found.class);
        }

        assertThat(patches()).as("one refused label edit, then none for any Secret").hasSize(1);
    }

    private List<String> patches() throws InterruptedException {
        List<String> patches = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null; ) {
            if (r.getMethod().equals("PATCH")) {
                patches.add(r.getPath());
            }
        }
        return patches;
    }

    private static Secret secret(String name) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("site").withResourceVersion("7").endMetadata()
                .addToData("username", b64("admin")).addToData("password", b64("s3cret-pw")).build();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
