package io.metalkube.domain.lifecycle;

/** Whether the provisioning limit leaves room to start inspecting, provisioning or deprovisioning one more host. */
public enum Capacity {
    AVAILABLE, EXHAUSTED, NOT_CHECKED
}
