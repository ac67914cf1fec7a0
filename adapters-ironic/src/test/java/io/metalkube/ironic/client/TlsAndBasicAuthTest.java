package io.metalkube.ironic.client;

import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.stub.StubIronic;
import io.metalkube.ironic.stub.StubIronic.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS with HTTP basic auth against a stub Ironic whose self-signed certificate (made with the JDK's keytool for
 * 127.0.0.1) is trusted only through the CA bundle; insecure TLS only when asked for.
 */
class TlsAndBasicAuthTest {

    private static Path dir;
    private static StubIronic stub;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("metalkube-tls-");
        Path store = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ironic", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "ironic", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", dir.resolve("ca.pem").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        stub = StubIronic.https(ssl);
        stub.route("GET /v1/nodes/u1", r -> ("Basic " + base64("metalkube:ironic-pw")).equals(r.header("Authorization"))
                ? Reply.json(200, IronicClientTest.NODE) : Reply.error(401, "Unauthorized"));
    }

    @AfterAll
    static void stop() throws Exception {
        stub.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static IronicClient client(Path caBundle, boolean insecure, String password) {
        HttpTransport t = new MicronautTransport(stub.endpoint(), new HttpTransport.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5)), caBundle, insecure);
        return new IronicClient(t, stub.endpoint().toString(), "metalkube", password, Duration.ofMillis(200), Duration.ofMillis(20));
    }

    @Test
    void theCaBundleIsTrustedAndBasicAuthIsSent() {
        stub.clear();
        try (IronicClient c = client(dir.resolve("ca.pem"), false, "ironic-pw")) {
            assertThat(c.findNode("u1")).isPresent();
        }
        assertThat(stub.requests()).hasSize(2).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Basic " + base64("metalkube:ironic-pw")));
    }

    @Test
    void withoutTheCaBundleTheCertificateIsRefused() {
        try (IronicClient c = client(null, false, "ironic-pw")) {
            assertThatThrownBy(() -> c.findNode("u1")).isInstanceOf(IronicException.Unavailable.class).hasMessageContaining("cannot reach Ironic");
        }
    }

    @Test
    void insecureTlsIsAnExplicitOptIn() {
        try (IronicClient c = client(null, true, "ironic-pw")) {
            assertThat(c.findNode("u1")).isPresent();
        }
    }

    @Test
    void aWrongIronicPasswordIsAClearConfigurationError() {
        try (IronicClient c = client(dir.resolve("ca.pem"), false, "wrong")) {
            assertThatThrownBy(() -> c.findNode("u1")).isInstanceOf(IronicException.Unavailable.class)
                    .hasMessageContaining("401").hasMessageContaining("Ironic user name and password").hasMessageNotContaining("wrong");
        }
    }

    @Test
    void aCaBundleWithoutCertificatesIsRefusedUpFront() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> client(empty, false, "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty.toString());
    }

    @Test
    void settingsNeverPrintTheIronicPassword() {
        IronicSettings s = IronicSettings.defaults(stub.endpoint()).withBasicAuth("metalkube", "ironic-pw").withCaBundle(dir.resolve("ca.pem"));
        assertThat(s.toString()).contains("metalkube").doesNotContain("ironic-pw");
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool " + args[0] + ": " + out).isZero();
    }
}
