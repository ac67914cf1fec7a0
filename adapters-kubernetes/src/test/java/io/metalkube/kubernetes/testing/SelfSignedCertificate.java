package io.metalkube.kubernetes.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool in a temporary directory, written the way
 * cert-manager writes a TLS Secret (tls.crt and tls.key, PEM), plus an SSLContext that trusts only it.
 */
public record SelfSignedCertificate(Path dir, Path keystore, Path certificate, Path privateKey, char[] password) {

    public static SelfSignedCertificate create(String cn) throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("metalkube-webhook-tls");
        Path keystore = dir.resolve("keystore.p12");
        char[] password = "changeit-test-only".toCharArray();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + cn, "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        Key key = ks.getKey("webhook", password);
        Certificate cert = ks.getCertificate("webhook");
        Path crt = dir.resolve("tls.crt");
        Path pem = dir.resolve("tls.key");
        Files.writeString(crt, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(pem, pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedCertificate(dir, keystore, crt, pem, password);
    }

    /** A TLS context that trusts this certificate and nothing else. */
    public SSLContext trustingIt() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            trust.setCertificateEntry("webhook", ks.getCertificate("webhook"));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** A TLS context that serves this certificate (for a test HTTPS server). */
    public SSLContext serving() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }

    /** The certificate as a webhook configuration's caBundle: base64 of its PEM. */
    public String caBundle() throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(certificate));
    }

    public void delete() throws IOException {
        for (Path f : new Path[] {keystore, certificate, privateKey, dir}) {
            Files.deleteIfExists(f);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
