package io.metalkube.domain.lifecycle;

/**
 * Facts gathered before deciding: the credentials Secret and, when {@link Lifecycle#mayNeedCapacity} said so,
 * the provisioning limit.
 */
public record Observation(CredentialsCheck credentials, Capacity capacity) {

    public Observation {
        credentials = credentials == null ? new CredentialsCheck.NotRequested() : credentials;
        capacity = capacity == null ? Capacity.NOT_CHECKED : capacity;
    }
}
