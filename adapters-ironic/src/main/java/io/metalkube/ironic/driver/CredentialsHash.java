package io.metalkube.ironic.driver;

import io.metalkube.domain.bmc.BmcCredentials;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A salted PBKDF2 (HMAC-SHA256) hash of BMC credentials, kept in node {@code extra.metalkube_credentials_hash} so
 * MetalKube can tell whether the node's driver_info still holds the host's current credentials without storing
 * the password anywhere but driver_info. Format: {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}.
 * Verified pairs are remembered (keyed by a SHA-256 of the credentials, in memory only) so the steady state pays
 * no PBKDF2 cost.
 */
public final class CredentialsHash {

    public static final String EXTRA_KEY = "metalkube_credentials_hash";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 20_000;
    private static final int MAX_REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    public String hash(BmcCredentials credentials) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return format(ITERATIONS, salt, derive(credentials, salt, ITERATIONS));
    }

    /** True when {@code stored} is a hash of exactly these credentials; false for null or unreadable hashes. */
    public boolean matches(String stored, BmcCredentials credentials) {
        if (stored == null || credentials == null) {
            return false;
        }
        String key = stored + "|" + fingerprint(credentials);
        Boolean known = verified.get(key);
        if (known != null) {
            return known;
        }
        boolean result = check(stored, credentials);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, result);
        return result;
    }

    private static boolean check(String stored, BmcCredentials credentials) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
            byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(credentials, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(BmcCredentials credentials, byte[] salt, int iterations) {
        char[] secret = (credentials.username() + "\u0000" + credentials.password()).toCharArray();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static String fingerprint(BmcCredentials c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((c.username() + "\u0000" + c.password()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
