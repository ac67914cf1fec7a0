package io.metalkube.ironic.client;

import io.metalkube.ironic.stub.StubIronic;
import io.metalkube.ironic.stub.StubIronic.Reply;
import io.metalkube.ironic.wire.NodeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a scripted Ironic: negotiation, 409 storms, 503, timeouts, malformed JSON, absence. */
class IronicClientTest {

    static final String NODE = """
            {"uuid": "1be26c0b-03f2-4d2e-ae87-c02d7f33c123", "name": "ns~host-1", "provision_state": "manageable",
             "power_state": "power on", "driver": "ipmi", "maintenance": false, "extra": {}}""";

    private final StubIronic stub = startStub();
    private IronicClient client = client(stub.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(3));

    static StubIronic startStub() {
        try {
            return StubIronic.http();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static IronicClient client(URI endpoint, Duration lockBudget, Duration requestTimeout) {
        HttpTransport t = new MicronautTransport(endpoint, new HttpTransport.Timeouts(Duration.ofSeconds(2), requestTimeout), null, false);
        return new IronicClient(t, endpoint.toString(), null, null, lockBudget, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void negotiatesOnceAndSendsTheMicroversionOnEveryCall() {
        stub.route("GET /v1/nodes/ns~host-1", 200, NODE);
        client.findNode("ns~host-1");
        client.findNode("ns~host-1");
        assertThat(stub.requests()).extracting(StubIronic.Recorded::path).containsExactly("/", "/v1/nodes/ns~host-1", "/v1/nodes/ns~host-1");
        assertThat(stub.apiRequests()).allSatisfy(r -> assertThat(r.header("X-OpenStack-Ironic-API-Version")).isEqualTo("1.82"));
        assertThat(client.version()).isEqualTo(new ApiVersion(1, 82));
        assertThat(client.calls()).isEqualTo(3);
    }

    @Test
    void readsANode() {
        stub.route("GET /v1/nodes/ns~host-1", 200, NODE);
        NodeJson node = client.findNode("ns~host-1").orElseThrow();
        assertThat(node.uuid()).isEqualTo("1be26c0b-03f2-4d2e-ae87-c02d7f33c123");
        assertThat(node.state()).isEqualTo("manageable");
        assertThat(node.powerState()).isEqualTo("power on");
    }

    @Test
    void aMissingNodeIsEmptyNotAnError() {
        assertThat(client.findNode("nope")).isEqualTo(Optional.empty());
    }

    @Test
    void aShort409StormIsRiddenOut() {
        AtomicInteger n = new AtomicInteger();
        stub.route("PUT /v1/nodes/u1/states/power", r -> n.incrementAndGet() <= 5
                ? Reply.error(409, "Node u1 is locked by host ironic-test, please retry after the current operation is completed.")
                : Reply.json(202, ""));
        client.changePowerState("u1", Map.of("target", "power on"));
        assertThat(n.get()).isEqualTo(6);
    }

    @Test
    void anEndless409StormIsReportedAsBusyWithinTheBudget() {
        client.close();
        client = client(stub.endpoint(), Duration.ofMillis(300), Duration.ofSeconds(1));
        stub.route("PUT /v1/nodes/u1/states/provision", r -> Reply.error(409, "Node u1 is locked by host ironic-test"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.changeProvisionState("u1", Map.of("target", "manage")))
                .isInstanceOf(IronicException.Busy.class)
                .hasMessageContaining("409").hasMessageContaining("locked by host ironic-test");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(stub.apiRequests().size()).isGreaterThan(2);
    }

    @Test
    void a503MeansIronicIsNotReady() {
        stub.route("GET /v1/nodes/u1", r -> Reply.error(503, "The conductor is starting"));
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                .hasMessageContaining("503").hasMessageContaining("The conductor is starting");
    }

    @Test
    void a500IsUnavailableToo() {
        stub.route("GET /v1/nodes/u1", r -> Reply.error(500, "Internal Server Error"));
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class).hasMessageContaining("500");
    }

    @Test
    void aSlowAnswerTimesOut() {
        client.findNode("warm-up");
        client.close();
        client = client(stub.endpoint(), Duration.ofSeconds(2), Duration.ofMillis(400));
        stub.route("GET /v1/nodes/u1", r -> new Reply(200, NODE, 1500));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                .hasMessageContaining("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void malformedJsonIsAClearError() {
        stub.route("GET /v1/nodes/u1", 200, "{\"uuid\": \"u1\", \"provision_state\": ");
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                .hasMessageContaining("malformed").hasMessageContaining("GET /v1/nodes/u1");
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAClearError() {
        stub.route("GET /v1/nodes/u1", 200, "<html><body>proxy error</body></html>");
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                .hasMessageContaining("malformed").hasMessageContaining("proxy error");
    }

    @Test
    void aRejectedRequestCarriesIronicsReason() {
        stub.route("PUT /v1/nodes/u1/states/provision", r -> Reply.error(400, "The requested action \\\"provide\\\" can not be performed on node u1 while it is in state \\\"enroll\\\"."));
        assertThatThrownBy(() -> client.changeProvisionState("u1", Map.of("target", "provide")))
                .isInstanceOfSatisfying(IronicException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("can not be performed").hasMessageContaining("enroll");
    }

    @Test
    void anUnreachableIronicIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (IronicClient dead = client(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(100), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> dead.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                    .hasMessageContaining("cannot reach Ironic");
        }
    }

    @Test
    void anIronicTooOldForUsIsRefusedWithAnUpgradeHint() {
        stub.route("GET /", 200, "{\"versions\": [{\"id\": \"v1\", \"min_version\": \"1.1\", \"version\": \"1.46\"}]}");
        assertThatThrownBy(() -> client.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                .hasMessageContaining("1.46").hasMessageContaining("1.56").hasMessageContaining("upgrade");
    }

    @Test
    void deletingAnAbsentNodeIsFine() {
        client.deleteNode("gone");
        assertThat(stub.apiRequests()).extracting(StubIronic.Recorded::method).containsExactly("DELETE");
    }
}
