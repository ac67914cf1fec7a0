package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;

/** core/v1 ObjectReference as metal3 uses it in spec.consumerRef. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectReference {
    public String apiVersion;
    public String kind;
    public String name;
    public String namespace;
    public String uid;
    public String resourceVersion;
    public String fieldPath;
}
