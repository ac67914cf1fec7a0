package io.metalkube.ironic.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A PEM CA bundle turned into a private PKCS#12 trust store file, because Micronaut's client takes trust stores by
 * path. The file holds public certificates only; it lives in a private temporary directory until {@link #delete()}.
 */
final class PemTrustStore {

    private final Path dir;
    private final Path path;
    private final String password;

    private PemTrustStore(Path dir, Path path, String password) {
        this.dir = dir;
        this.path = path;
        this.password = password;
    }

    static PemTrustStore fromBundle(Path bundle) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(bundle)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the Ironic CA bundle " + bundle + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("the Ironic CA bundle " + bundle + " holds no PEM certificate");
        }
        try {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            Path dir = Files.createTempDirectory("metalkube-ironic-ca", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new PemTrustStore(dir, file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from the Ironic CA bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    String password() {
        return password;
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.getLogger(PemTrustStore.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the temporary trust store " + path + ": " + e.getMessage());
        }
    }
}
