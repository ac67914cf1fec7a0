package io.metalkube.ipmi.crypto;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Suites 3 and 17 against vectors computed here independently: plain javax.crypto calls over the concatenations the
 * spec defines (IPMI v2.0 §13.21-§13.23, §13.31, §13.32), written out byte by byte. ipmi_sim lacks suite 17, so this
 * is its proof; suite 3 is also proven end to end against ipmi_sim and ipmitool.
 */
class RakpVectorsTest {

    static final byte[] RM = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");
    static final byte[] RC = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0");
    static final byte[] GUID = HexFormat.of().parseHex("a123456789abcdefa123456789ab0001");
    static final int CONSOLE_ID = 0x0a0b0c0d;
    static final int BMC_ID = 0x11223344;
    static final int ROLE = 0x14;
    static final byte[] NAME = "admin".getBytes(StandardCharsets.US_ASCII);
    static final String PASSWORD = "password";

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] hmac(String alg, byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(key, alg));
        return mac.doFinal(data);
    }

    /** K_UID: the password zero-padded to 20 bytes. */
    static byte[] kuid() {
        return Arrays.copyOf(PASSWORD.getBytes(StandardCharsets.US_ASCII), 20);
    }

    static final byte[] CONSOLE_ID_LE = {0x0d, 0x0c, 0x0b, 0x0a};
    static final byte[] BMC_ID_LE = {0x44, 0x33, 0x22, 0x11};

    static String alg(CipherSuite s) {
        return s == CipherSuite.SUITE_3 ? "HmacSHA1" : "HmacSHA256";
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"SUITE_3", "SUITE_17"})
    void keyExchangeMatchesTheSpecConcatenations(CipherSuite suite) throws Exception {
        RakpAuthenticator rakp = new RakpAuthenticator(suite, UserKey.of(PASSWORD));
        String alg = alg(suite);

        byte[] rakp2 = hmac(alg, kuid(), cat(CONSOLE_ID_LE, BMC_ID_LE, RM, RC, GUID, new byte[]{ROLE, 5}, NAME));
        assertThat(rakp.rakp2AuthCode(CONSOLE_ID, BMC_ID, RM, RC, GUID, ROLE, NAME)).isEqualTo(rakp2).hasSize(suite.keyExchangeCodeLength());
        assertThat(rakp.verifyRakp2(rakp2, CONSOLE_ID, BMC_ID, RM, RC, GUID, ROLE, NAME)).isTrue();

        byte[] rakp3 = hmac(alg, kuid(), cat(RC, CONSOLE_ID_LE, new byte[]{ROLE, 5}, NAME));
        assertThat(rakp.rakp3AuthCode(RC, CONSOLE_ID, ROLE, NAME)).isEqualTo(rakp3);

        byte[] sik = hmac(alg, kuid(), cat(RM, RC, new byte[]{ROLE, 5}, NAME));
        assertThat(rakp.sessionIntegrityKey(RM, RC, ROLE, NAME)).isEqualTo(sik);

        byte[] icv = Arrays.copyOf(hmac(alg, sik, cat(RM, BMC_ID_LE, GUID)), suite == CipherSuite.SUITE_3 ? 12 : 16);
        assertThat(rakp.rakp4Icv(sik, RM, BMC_ID, GUID)).isEqualTo(icv);
        assertThat(rakp.verifyRakp4(icv, sik, RM, BMC_ID, GUID)).isTrue();

        byte[] ones = new byte[20];
        Arrays.fill(ones, (byte) 1);
        byte[] twos = new byte[20];
        Arrays.fill(twos, (byte) 2);
        SessionKeys keys = rakp.sessionKeys(sik);
        assertThat(keys.k1()).isEqualTo(hmac(alg, sik, ones));
        assertThat(keys.k2()).isEqualTo(hmac(alg, sik, twos));

        byte[] signed = HexFormat.of().parseHex("06c0443322110100000020000102");
        byte[] expectedAuth = Arrays.copyOf(hmac(alg, keys.k1(), signed), suite.integrityCodeLength());
        assertThat(keys.authCode(signed)).isEqualTo(expectedAuth);
        assertThat(keys.verify(signed, expectedAuth)).isTrue();
    }

    @Test
    void aWrongPasswordGivesADifferentRakp2Code() {
        RakpAuthenticator right = new RakpAuthenticator(CipherSuite.SUITE_3, UserKey.of(PASSWORD));
        RakpAuthenticator wrong = new RakpAuthenticator(CipherSuite.SUITE_3, UserKey.of("wrong"));
        byte[] fromBmc = right.rakp2AuthCode(CONSOLE_ID, BMC_ID, RM, RC, GUID, ROLE, NAME);
        assertThat(wrong.verifyRakp2(fromBmc, CONSOLE_ID, BMC_ID, RM, RC, GUID, ROLE, NAME)).isFalse();
    }

    @Test
    void suite17KeysAreSha256Sized() {
        RakpAuthenticator rakp = new RakpAuthenticator(CipherSuite.SUITE_17, UserKey.of(PASSWORD));
        byte[] sik = rakp.sessionIntegrityKey(RM, RC, ROLE, NAME);
        assertThat(sik).hasSize(32);
        assertThat(rakp.sessionKeys(sik).k1()).hasSize(32);
        assertThat(rakp.rakp4Icv(sik, RM, BMC_ID, GUID)).hasSize(16);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"SUITE_3", "SUITE_17"})
    void aesCbc128MatchesTheSpecPadding(CipherSuite suite) throws Exception {
        RakpAuthenticator rakp = new RakpAuthenticator(suite, UserKey.of(PASSWORD));
        SessionKeys keys = rakp.sessionKeys(rakp.sessionIntegrityKey(RM, RC, ROLE, NAME));
        byte[] iv = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] data = HexFormat.of().parseHex("2018c88104010000"); // 8 bytes: pad 01..07 then pad length 07
        byte[] padded = cat(data, HexFormat.of().parseHex("0102030405060707"));
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(keys.k2(), 16), "AES"), new IvParameterSpec(iv));
        byte[] expected = cat(iv, c.doFinal(padded));

        assertThat(keys.encrypt(data, iv)).isEqualTo(expected);
        assertThat(keys.decrypt(expected)).isEqualTo(data);
    }

    @Test
    void aesAcceptsAFullBlockOfPadAndRejectsGarbage() throws Exception {
        RakpAuthenticator rakp = new RakpAuthenticator(CipherSuite.SUITE_3, UserKey.of(PASSWORD));
        SessionKeys keys = rakp.sessionKeys(rakp.sessionIntegrityKey(RM, RC, ROLE, NAME));
        byte[] iv = new byte[16];
        byte[] data = new byte[15]; // pad 0 would do; a BMC adding a whole block of pad must be accepted too
        byte[] padded = cat(data, HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1010"));
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(keys.k2(), 16), "AES"), new IvParameterSpec(iv));
        byte[] withExtraBlock = cat(iv, c.doFinal(padded));
        assertThat(keys.decrypt(withExtraBlock)).hasSize(15);

        assertThatThrownBy(() -> keys.decrypt(new byte[20])).isInstanceOf(IpmiDecodeException.class);
        byte[] garbage = new byte[48];
        garbage[47] = 0x55;
        assertThatThrownBy(() -> keys.decrypt(garbage)).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void passwordsOver20BytesAreRefusedAndNeverPrinted() {
        assertThatThrownBy(() -> UserKey.of("123456789012345678901")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("123456789012345678901");
        assertThat(UserKey.of("password").toString()).doesNotContain("password");
    }

    @Test
    void onlySuitesWithAllThreeAlgorithmsAreSecure() {
        assertThat(CipherSuite.SUITE_0.secure()).isFalse();
        assertThat(CipherSuite.SUITE_3.secure()).isTrue();
        assertThat(CipherSuite.SUITE_17.secure()).isTrue();
        assertThat(CipherSuite.byId(17)).contains(CipherSuite.SUITE_17);
        assertThat(CipherSuite.byId(8)).isEmpty();
    }
}
