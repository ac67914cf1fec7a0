package io.metalkube.ipmi.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** HMAC over concatenated parts, via the JCA. */
final class Hmac {

    private Hmac() {
    }

    static byte[] of(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm + ", which IPMI needs", e);
        }
    }

    static byte[] truncated(String algorithm, byte[] key, int length, byte[]... parts) {
        return Arrays.copyOf(of(algorithm, key, parts), length);
    }

    static byte[] le32(int v) {
        return new byte[]{(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
