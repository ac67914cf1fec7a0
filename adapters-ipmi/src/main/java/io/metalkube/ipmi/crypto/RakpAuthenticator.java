package io.metalkube.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The RAKP key-exchange computations for one cipher suite and user (IPMI v2.0 §13.31, §13.20-§13.23).
 * Session IDs enter the hashes as their 4 little-endian wire bytes; the role byte includes the name-only lookup bit.
 * With no BMC key (K_G) configured, K_G = K_UID.
 */
public final class RakpAuthenticator {

    private final CipherSuite suite;
    private final UserKey userKey;

    public RakpAuthenticator(CipherSuite suite, UserKey userKey) {
        this.suite = suite;
        this.userKey = userKey;
    }

    public CipherSuite suite() {
        return suite;
    }

    /** RAKP 2 AuthCode = HMAC_KUID(SIDm | SIDc | Rm | Rc | GUIDc | ROLEm | ULENGTHm | UNAMEm) (§13.21). */
    public byte[] rakp2AuthCode(int consoleSessionId, int bmcSessionId, byte[] rm, byte[] rc, byte[] guid, int role, byte[] username) {
        if (suite.hmac() == null) {
            return new byte[0];
        }
        return Hmac.of(suite.hmac(), userKey.bytes(), Hmac.le32(consoleSessionId), Hmac.le32(bmcSessionId), rm, rc, guid,
                new byte[]{(byte) role, (byte) username.length}, username);
    }

    /** True when the BMC's RAKP 2 AuthCode proves it holds the same password (constant-time compare). */
    public boolean verifyRakp2(byte[] received, int consoleSessionId, int bmcSessionId, byte[] rm, byte[] rc, byte[] guid,
                               int role, byte[] username) {
        return MessageDigest.isEqual(received, rakp2AuthCode(consoleSessionId, bmcSessionId, rm, rc, guid, role, username));
    }

    /** RAKP 3 AuthCode = HMAC_KUID(Rc | SIDm | ROLEm | ULENGTHm | UNAMEm) (§13.22). */
    public byte[] rakp3AuthCode(byte[] rc, int consoleSessionId, int role, byte[] username) {
        if (suite.hmac() == null) {
            return new byte[0];
        }
        return Hmac.of(suite.hmac(), userKey.bytes(), rc, Hmac.le32(consoleSessionId), new byte[]{(byte) role, (byte) username.length}, username);
    }

    /** SIK = HMAC_KG(Rm | Rc | ROLEm | ULENGTHm | UNAMEm) (§13.31), K_G = K_UID. */
    public byte[] sessionIntegrityKey(byte[] rm, byte[] rc, int role, byte[] username) {
        if (suite.hmac() == null) {
            return new byte[0];
        }
        return Hmac.of(suite.hmac(), userKey.bytes(), rm, rc, new byte[]{(byte) role, (byte) username.length}, username);
    }

    /** RAKP 4 ICV = HMAC_SIK(Rm | SIDc | GUIDc), truncated to the suite's length (§13.23). */
    public byte[] rakp4Icv(byte[] sik, byte[] rm, int bmcSessionId, byte[] guid) {
        if (suite.hmac() == null) {
            return new byte[0];
        }
        return Hmac.truncated(suite.hmac(), sik, suite.rakp4IcvLength(), rm, Hmac.le32(bmcSessionId), guid);
    }

    public boolean verifyRakp4(byte[] received, byte[] sik, byte[] rm, int bmcSessionId, byte[] guid) {
        return MessageDigest.isEqual(received, rakp4Icv(sik, rm, bmcSessionId, guid));
    }

    /** K1 and K2 from the SIK (§13.32): K_N = HMAC_SIK(20 bytes of N), for SHA-256 too. */
    public SessionKeys sessionKeys(byte[] sik) {
        if (suite.hmac() == null) {
            return SessionKeys.NONE;
        }
        byte[] one = new byte[20];
        byte[] two = new byte[20];
        Arrays.fill(one, (byte) 0x01);
        Arrays.fill(two, (byte) 0x02);
        return new SessionKeys(suite, Hmac.of(suite.hmac(), sik, one), Hmac.of(suite.hmac(), sik, two));
    }
}
