package io.metalkube.domain.host;

import java.util.Objects;

/** A reference to a Secret; namespace empty means the referrer's own namespace. */
public record SecretRef(String name, String namespace) {

    public SecretRef {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    /** True when the Secret lives in another namespace than {@code ownNamespace} (which MetalKube refuses to read). */
    public boolean crossesNamespace(String ownNamespace) {
        return !namespace.isEmpty() && !namespace.equals(ownNamespace);
    }
}
