package io.metalkube.ironic.driver;

import io.metalkube.domain.bmc.BmcCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PBKDF2 credentials hash kept in node extra. */
class CredentialsHashTest {

    private final CredentialsHash hashes = new CredentialsHash();
    private final BmcCredentials creds = BmcCredentials.of("admin", "s3cret");

    @Test
    void aHashMatchesExactlyTheCredentialsItWasMadeOf() {
        String h = hashes.hash(creds);
        assertThat(h).startsWith("pbkdf2-sha256$20000$").doesNotContain("s3cret").doesNotContain("admin");
        assertThat(hashes.matches(h, creds)).isTrue();
        assertThat(hashes.matches(h, BmcCredentials.of("admin", "s3cret2"))).isFalse();
        assertThat(hashes.matches(h, BmcCredentials.of("root", "s3cret"))).isFalse();
        assertThat(new CredentialsHash().matches(h, creds)).as("verifiable by another instance (after a restart)").isTrue();
    }

    @Test
    void saltsDiffer() {
        assertThat(hashes.hash(creds)).isNotEqualTo(hashes.hash(creds));
    }

    @Test
    void unreadableHashesMatchNothing() {
        for (String bad : new String[]{null, "", "sha1$x", "pbkdf2-sha256$abc$AA$AA", "pbkdf2-sha256$0$AA$AA", "pbkdf2-sha256$10$!!$AA",
                "pbkdf2-sha256$99999999$AA$AA"}) {
            assertThat(hashes.matches(bad, creds)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void theUserNameAndPasswordCannotBeShiftedIntoEachOther() {
        String h = hashes.hash(BmcCredentials.of("ad", "mins3cret"));
        assertThat(hashes.matches(h, BmcCredentials.of("admin", "s3cret"))).isFalse();
    }
}
