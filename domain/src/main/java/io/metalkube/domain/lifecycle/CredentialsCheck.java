package io.metalkube.domain.lifecycle;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.CredentialsVersion;

/** What reading the host's credentials Secret found. */
public sealed interface CredentialsCheck {

    /** The Secret exists and holds a usable user name and password. */
    record Found(BmcCredentials credentials, CredentialsVersion version) implements CredentialsCheck {
    }

    /** No Secret of that name in the host's namespace (yet). */
    record Missing(String secretName) implements CredentialsCheck {
    }

    /** The Secret exists but cannot be used; {@code reason} says why and never contains the password. */
    record Invalid(String secretName, String reason) implements CredentialsCheck {
    }

    /** The host names no Secret, or reading it was not needed. */
    record NotRequested() implements CredentialsCheck {
    }
}
