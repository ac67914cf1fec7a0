package io.metalkube.demo.apiserver;

import java.security.SecureRandom;

/** Names for {@code metadata.generateName} as the API server makes them: the prefix and five characters of its alphabet. */
final class GeneratedNames {

    /** k8s.io/apimachinery/pkg/util/rand: no vowels (no words), no 0/1/3 (no confusion with o, l, e). */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedNames() {
    }

    static String next(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 5; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
