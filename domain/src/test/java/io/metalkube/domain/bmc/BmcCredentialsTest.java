package io.metalkube.domain.bmc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials keep the password out of every rendering and refuse empty parts. */
class BmcCredentialsTest {

    @Property(tries = 300)
    void toStringDoesNotDependOnThePassword(@ForAll @NotEmpty @StringLength(max = 40) String username,
                                            @ForAll @NotEmpty @StringLength(max = 64) String password,
                                            @ForAll @NotEmpty @StringLength(max = 64) String otherPassword) {
        BmcCredentials a = BmcCredentials.of(username, password);
        BmcCredentials b = BmcCredentials.of(username, otherPassword);

        assertThat(a.toString()).isEqualTo(b.toString()).contains(username);
    }

    @Property(tries = 200)
    void aDistinctivePasswordNeverAppearsInToString(@ForAll @NotEmpty @StringLength(max = 20) String username,
                                                    @ForAll @StringLength(min = 6, max = 30) String entropy) {
        String password = "pw-" + entropy + "-\u2603";
        assertThat(BmcCredentials.of(username, password).toString()).doesNotContain(password);
    }

    @Test
    void thePasswordIsStillThereForTheProtocol() {
        BmcCredentials c = BmcCredentials.of("admin", "s3cret");
        assertThat(c.username()).isEqualTo("admin");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c).isEqualTo(BmcCredentials.of("admin", "s3cret")).isNotEqualTo(BmcCredentials.of("admin", "other"))
                .hasSameHashCodeAs(BmcCredentials.of("admin", "s3cret"));
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void anEmptyUsernameIsRejected() {
        assertThatThrownBy(() -> BmcCredentials.of("", "s3cret")).isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("username").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> BmcCredentials.of(null, "s3cret")).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void anEmptyPasswordIsRejected() {
        assertThatThrownBy(() -> BmcCredentials.of("admin", "")).isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> BmcCredentials.of("admin", null)).isInstanceOf(InvalidCredentialsException.class);
    }
}
