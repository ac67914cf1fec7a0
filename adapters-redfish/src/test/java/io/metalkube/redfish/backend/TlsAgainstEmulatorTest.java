package io.metalkube.redfish.backend;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.Peers;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS BMCs: the emulator serves a self-signed certificate for 127.0.0.1 (made here with openssl). It is refused by
 * default, accepted when the host says disableCertificateVerification, and accepted with verification on when the
 * site's CA bundle holds it.
 */
class TlsAgainstEmulatorTest {

    /**
     * These tests are about certificates: the JDK's 2 s connect timeout also covers the TLS handshake, which the
     * emulator's Python TLS stack took longer than that for on a loaded CI machine (the test then saw "no TCP
     * connection" instead of the refused certificate).
     */
    static final RedfishSettings CERTIFICATES_NOT_TIMEOUTS = RedfishSettings.defaults().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30));

    static Path dir;
    static Path cert;
    static SushyEmulator emulator;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make the test certificate");
        dir = Files.createTempDirectory("redfish-tls-");
        cert = dir.resolve("bmc.crt");
        Path key = dir.resolve("bmc.key");
        Peers.run(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"), Map.of(), 60);
        emulator = SushyEmulator.start("tls", 3, new Path[] {cert, key});
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
        Peers.deleteTree(dir);
    }

    BackendTarget target(boolean disableVerification) {
        return emulator.target(emulator.nextSystem(), BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), disableVerification);
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        try (RedfishBackend backend = new RedfishBackend(CERTIFICATES_NOT_TIMEOUTS)) {
            BackendTarget t = target(false);
            assertThat(t.address().toString()).startsWith("redfish+https://");
            Outcome o = backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(o).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) o).message()).contains("registration of host " + t.host(), "TLS handshake failed",
                    "certificate is not trusted", "metalkube.redfish.ca-file", "disableCertificateVerification");
        }
    }

    @Test
    void disableCertificateVerificationAcceptsIt() {
        try (RedfishBackend backend = new RedfishBackend(CERTIFICATES_NOT_TIMEOUTS)) {
            BackendTarget t = target(true);
            assertThat(backend.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
        }
    }

    @Test
    void theSitesCaBundleVerifiesIt() {
        try (RedfishBackend backend = new RedfishBackend(CERTIFICATES_NOT_TIMEOUTS.withCaBundle(cert))) {
            BackendTarget t = target(false);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
        }
    }
}
