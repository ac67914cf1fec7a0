package io.metalkube.ipmi.crypto;

import java.util.Optional;

/**
 * The RMCP+ cipher suites this client speaks (IPMI v2.0 §22.15.2, "Cipher Suite IDs"): the algorithm numbers sent in
 * Open Session (§13.28: authentication 00h none, 01h RAKP-HMAC-SHA1, 03h RAKP-HMAC-SHA256; integrity 00h none,
 * 01h HMAC-SHA1-96, 04h HMAC-SHA256-128; confidentiality 00h none, 01h AES-CBC-128) and the lengths they imply.
 * Suite 0 is no security at all and is refused unless a site explicitly allows insecure suites.
 */
public enum CipherSuite {
    SUITE_0(0, 0x00, 0x00, 0x00, null, 0, 0, 0),
    SUITE_3(3, 0x01, 0x01, 0x01, "HmacSHA1", 20, 12, 12),
    SUITE_17(17, 0x03, 0x04, 0x01, "HmacSHA256", 32, 16, 16);

    private final int id;
    private final int authAlgorithm;
    private final int integrityAlgorithm;
    private final int confidentialityAlgorithm;
    private final String hmac;
    private final int keyExchangeCodeLength;
    private final int rakp4IcvLength;
    private final int integrityCodeLength;

    CipherSuite(int id, int auth, int integrity, int confidentiality, String hmac, int keyExchangeCodeLength,
                int rakp4IcvLength, int integrityCodeLength) {
        this.id = id;
        this.authAlgorithm = auth;
        this.integrityAlgorithm = integrity;
        this.confidentialityAlgorithm = confidentiality;
        this.hmac = hmac;
        this.keyExchangeCodeLength = keyExchangeCodeLength;
        this.rakp4IcvLength = rakp4IcvLength;
        this.integrityCodeLength = integrityCodeLength;
    }

    public int id() {
        return id;
    }

    public int authAlgorithm() {
        return authAlgorithm;
    }

    public int integrityAlgorithm() {
        return integrityAlgorithm;
    }

    public int confidentialityAlgorithm() {
        return confidentialityAlgorithm;
    }

    /** The JCA MAC name of the suite's HMAC, or null for suite 0. */
    String hmac() {
        return hmac;
    }

    /** RAKP 2/3 key exchange AuthCode length: the full HMAC output. */
    public int keyExchangeCodeLength() {
        return keyExchangeCodeLength;
    }

    /** RAKP 4 integrity check value length (IPMI v2.0 §13.28.1: HMAC-SHA1-96 → 12, HMAC-SHA256-128 → 16). */
    public int rakp4IcvLength() {
        return rakp4IcvLength;
    }

    /** Length of the AuthCode in every authenticated in-session packet (§13.28.4). */
    public int integrityCodeLength() {
        return integrityCodeLength;
    }

    public boolean authenticated() {
        return integrityAlgorithm != 0;
    }

    public boolean encrypted() {
        return confidentialityAlgorithm != 0;
    }

    /** Only suites with authentication, integrity and confidentiality count as secure (suites 3 and 17 here). */
    public boolean secure() {
        return authAlgorithm != 0 && integrityAlgorithm != 0 && confidentialityAlgorithm != 0;
    }

    public static Optional<CipherSuite> byId(int id) {
        for (CipherSuite s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
