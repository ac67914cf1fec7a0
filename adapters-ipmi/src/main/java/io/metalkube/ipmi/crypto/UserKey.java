package io.metalkube.ipmi.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * K_UID, the user's key for RAKP (IPMI v2.0 §13.31): the password as up to 20 bytes, zero-padded to 20.
 * toString never shows it.
 */
public final class UserKey {

    public static final int MAX_LENGTH = 20;

    private final byte[] key;

    private UserKey(byte[] key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException when the password is longer than the 20 bytes IPMI v2.0 allows */
    public static UserKey of(String password) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        if (raw.length > MAX_LENGTH) {
            Arrays.fill(raw, (byte) 0);
            throw new IllegalArgumentException("an IPMI v2.0 password is at most 20 bytes; this one is longer");
        }
        byte[] padded = Arrays.copyOf(raw, MAX_LENGTH);
        Arrays.fill(raw, (byte) 0);
        return new UserKey(padded);
    }

    byte[] bytes() {
        return key;
    }

    @Override
    public String toString() {
        return "UserKey[***]";
    }
}
