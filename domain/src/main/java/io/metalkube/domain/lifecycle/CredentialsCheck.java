package io.metalkube.domain.lifecycle;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.CredentialsVersion;

/**
 * What reading the host's credentials Secret found. {@code watched}: a later change of this Secret reconciles the
 * host at once (the Kubernetes adapter's informer sees labelled Secrets only); when false, a host waiting on its
 * credentials looks at the Secret again every {@link LifecycleTimings#credentialsRetry()} instead.
 */
public sealed interface CredentialsCheck {

    /** The Secret exists and holds a usable user name and password. */
    record Found(BmcCredentials credentials, CredentialsVersion version, boolean watched) implements CredentialsCheck {
        /** Changes not watched. */
        public Found(BmcCredentials credentials, CredentialsVersion version) {
            this(credentials, version, false);
        }
    }

    /** No Secret of that name in the host's namespace (yet). */
    record Missing(String secretName) implements CredentialsCheck {
    }

    /** The Secret exists but cannot be used; {@code reason} says why and never contains the password. */
    record Invalid(String secretName, String reason, boolean watched) implements CredentialsCheck {
        /** Changes not watched. */
        public Invalid(String secretName, String reason) {
            this(secretName, reason, false);
        }
    }

    /** The host names no Secret, or reading it was not needed. */
    record NotRequested() implements CredentialsCheck {
    }
}
