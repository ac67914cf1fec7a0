package io.metalkube.application.port.out;

/**
 * The back-end capabilities one site uses, assembled by the composition root. A back-end may implement all
 * four with one class or mix adapters (e.g. IPMI power with another provisioning back-end).
 */
public record Backend(String name, HostRegistration registration, HostInspection inspection,
                      HostProvisioning provisioning, PowerControl power) {
}
