package io.metalkube.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The keys of one established session (IPMI v2.0 §13.32): K1 keys the integrity AuthCode, the first 16 bytes of K2
 * key AES-CBC-128. Applies them to packets: {@link #authCode}, {@link #encrypt}, {@link #decrypt}.
 */
public final class SessionKeys {

    static final SessionKeys NONE = new SessionKeys(CipherSuite.SUITE_0, new byte[0], new byte[0]);

    private final CipherSuite suite;
    private final byte[] k1;
    private final byte[] k2;

    SessionKeys(CipherSuite suite, byte[] k1, byte[] k2) {
        this.suite = suite;
        this.k1 = k1;
        this.k2 = k2;
    }

    public CipherSuite suite() {
        return suite;
    }

    byte[] k1() {
        return k1.clone();
    }

    byte[] k2() {
        return k2.clone();
    }

    /** The in-session AuthCode over auth type .. next header (§13.28.4): HMAC_K1 truncated to 12 or 16 bytes. */
    public byte[] authCode(byte[] signed) {
        return Hmac.truncated(suite.hmac(), k1, suite.integrityCodeLength(), signed);
    }

    public boolean verify(byte[] signed, byte[] received) {
        return suite.authenticated() && MessageDigest.isEqual(received, authCode(signed));
    }

    /** AES-CBC-128 confidentiality (§13.29): IV | E(payload | pad 01h 02h .. | pad length). */
    public byte[] encrypt(byte[] plaintext, byte[] iv) {
        return AesCbc128.encrypt(Arrays.copyOf(k2, 16), iv, plaintext);
    }

    public byte[] decrypt(byte[] payload) {
        return AesCbc128.decrypt(Arrays.copyOf(k2, 16), payload);
    }

    @Override
    public String toString() {
        return "SessionKeys[" + suite + ", ***]";
    }
}
