package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;

/** core/v1 SecretReference: name, and a namespace that MetalKube only accepts when it is the referrer's own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretReference {
    public String name;
    public String namespace;
}
