package io.metalkube.ipmi.crypto;

import io.metalkube.ipmi.wire.IpmiDecodeException;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * AES-CBC-128 payload confidentiality (IPMI v2.0 §13.29): the payload field is a 16-byte IV followed by the
 * ciphertext of data | pad bytes 01h, 02h, .. | pad length, padded to a 16-byte multiple. On receipt a pad of up to
 * 16 bytes is accepted (some OpenSSL-based BMCs always add a block).
 */
final class AesCbc128 {

    static final int BLOCK = 16;

    private AesCbc128() {
    }

    static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        if (iv.length != BLOCK) {
            throw new IllegalArgumentException("the AES-CBC-128 IV is 16 bytes");
        }
        int pad = (BLOCK - (plaintext.length + 1) % BLOCK) % BLOCK;
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + pad + 1);
        for (int i = 0; i < pad; i++) {
            padded[plaintext.length + i] = (byte) (i + 1);
        }
        padded[padded.length - 1] = (byte) pad;
        byte[] cipher = run(Cipher.ENCRYPT_MODE, key, iv, padded);
        byte[] out = Arrays.copyOf(iv, BLOCK + cipher.length);
        System.arraycopy(cipher, 0, out, BLOCK, cipher.length);
        return out;
    }

    static byte[] decrypt(byte[] key, byte[] payload) {
        if (payload.length < 2 * BLOCK || payload.length % BLOCK != 0) {
            throw new IpmiDecodeException("an AES-CBC-128 payload is a 16-byte IV plus whole 16-byte blocks; got " + payload.length + " bytes");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, BLOCK), Arrays.copyOfRange(payload, BLOCK, payload.length));
        int pad = plain[plain.length - 1] & 0xff;
        if (pad > BLOCK || pad + 1 > plain.length) {
            throw new IpmiDecodeException("AES-CBC-128 confidentiality pad length " + pad + " is invalid (wrong key?)");
        }
        for (int i = 0; i < pad; i++) {
            if ((plain[plain.length - 1 - pad + i] & 0xff) != i + 1) {
                throw new IpmiDecodeException("AES-CBC-128 confidentiality pad bytes are not 01h, 02h, ... (wrong key?)");
            }
        }
        return Arrays.copyOf(plain, plain.length - 1 - pad);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding failed", e);
        }
    }
}
