package io.metalkube.redfish.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * The two TLS contexts a site needs: one that verifies BMC certificates (the JDK's trust store, or exactly the CAs of
 * a configured PEM bundle, host names checked), and one for hosts that say {@code disableCertificateVerification}.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** Verifies against {@code caBundle} when given, else the JDK's default trust store. */
    public static SSLContext verifying(Path caBundle) {
        try {
            if (caBundle == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(caBundle));
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from the BMC CA bundle " + caBundle + ": " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any certificate for any name. An {@link X509ExtendedTrustManager} is required: JSSE wraps a plain
     * X509TrustManager in one that still checks the host name.
     */
    public static SSLContext unverified() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new AcceptAll()}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    static KeyStore trustStore(Path bundle) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(bundle)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the BMC CA bundle " + bundle + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("the BMC CA bundle " + bundle + " holds no PEM certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) {
                store.setCertificateEntry("bmc-ca-" + i++, cert);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the BMC CA bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
