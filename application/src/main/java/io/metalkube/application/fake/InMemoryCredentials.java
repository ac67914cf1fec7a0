package io.metalkube.application.fake;

import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.bmc.InvalidCredentialsException;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.CredentialsCheck;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory {@link CredentialsLookup}: Secrets per namespace, each write bumping its version. */
public final class InMemoryCredentials implements CredentialsLookup {

    private record Secret(String username, String password, String version) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    /** Creates or changes a Secret; the version changes on every call. */
    public void put(String namespace, String name, String username, String password) {
        secrets.put(namespace + "/" + name, new Secret(username, password, Long.toString(versions.incrementAndGet())));
    }

    public void remove(String namespace, String name) {
        secrets.remove(namespace + "/" + name);
    }

    @Override
    public CredentialsCheck lookup(HostId host, String secretName) {
        Secret s = secrets.get(host.namespace() + "/" + secretName);
        if (s == null) {
            return new CredentialsCheck.Missing(secretName);
        }
        try {
            return new CredentialsCheck.Found(BmcCredentials.of(s.username(), s.password()), new CredentialsVersion(secretName, s.version()));
        } catch (InvalidCredentialsException e) {
            return new CredentialsCheck.Invalid(secretName, e.getMessage());
        }
    }
}
