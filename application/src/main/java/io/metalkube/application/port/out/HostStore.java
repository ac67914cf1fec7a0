package io.metalkube.application.port.out;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.lifecycle.Effect;

import java.util.List;
import java.util.Optional;

/** Outbound port: where hosts live (the BareMetalHost objects), with compare-and-set writes. */
public interface HostStore {

    Optional<Host> find(HostId id);

    /** Every host in {@code namespace}. */
    List<Host> list(String namespace);

    /** Every host this operator watches, in all its namespaces (for the provisioning limit). */
    List<Host> listAll();

    /** Writes the status. Implementations should skip the write when nothing changed. */
    Host writeStatus(Host current, HostStatus status);

    /**
     * Writes the spec only if the stored host still has {@code expected.revision()}.
     *
     * @throws ConflictException when someone else changed the host first
     */
    Host compareAndSetSpec(Host expected, HostSpec spec);

    /**
     * Makes sure the host stays in the store until its back-end side is cleaned up (on Kubernetes: our finalizer),
     * and returns it as stored then. Called just before each back-end operation; once held, a read and no write.
     * A host being deleted is returned as it is.
     *
     * @throws ConflictException when the host changed or went since {@code host} was read
     */
    Host holdForCleanup(Host host);

    /** Carries out metadata effects (finalizer, annotations) decided by the lifecycle. */
    Host apply(Host current, List<Effect> effects);

    /** Creates a new host (discovery); returns empty if one with that id already exists. */
    Optional<Host> createIfAbsent(Host host);
}
