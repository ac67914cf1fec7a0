package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.kubernetes.crd.BareMetalHost;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hosts waiting for a provisioning slot (operationalStatus delayed, metal3's PROVISIONING_LIMIT), oldest first.
 * A waiting host retries on its own only after the delayed retry (a minute, as metal3); when a host leaves a slot
 * (inspecting, provisioning or deprovisioning ends) the host that has waited longest is reconciled at once, so a freed
 * slot is taken within one reconcile and hosts take slots in the order they started waiting.
 */
final class SlotWaiters {

    private final LinkedHashSet<ResourceID> waiting = new LinkedHashSet<>();
    private final SimpleInboundEventSource<BareMetalHost> source = new SimpleInboundEventSource<>("provisioning-slot-waiters");
    private final Consumer<ResourceID> wake;

    SlotWaiters() {
        this.wake = null;
    }

    /** For tests: {@code wake} instead of the event source. */
    SlotWaiters(Consumer<ResourceID> wake) {
        this.wake = wake;
    }

    /** The event source that reconciles a woken host (registered with the controller). */
    SimpleInboundEventSource<BareMetalHost> eventSource() {
        return source;
    }

    /** After a reconcile of {@code id}: its state before and the host as it is now (empty once it is gone). */
    void observed(HostId id, String stateBefore, Optional<Host> now) {
        ResourceID rid = new ResourceID(id.name(), id.namespace());
        boolean freedSlot = busy(stateBefore) && now.map(h -> !h.state().isBusy()).orElse(true);
        ResourceID next = null;
        synchronized (this) {
            if (now.isPresent() && now.get().status().operationalStatus() == OperationalStatus.DELAYED) {
                waiting.add(rid);
            } else {
                waiting.remove(rid);
            }
            if (freedSlot) {
                Iterator<ResourceID> oldest = waiting.iterator();
                if (oldest.hasNext()) {
                    next = oldest.next();
                    oldest.remove();
                }
            }
        }
        if (next != null) {
            if (wake != null) {
                wake.accept(next);
            } else {
                source.propagateEvent(next);
            }
        }
    }

    synchronized int size() {
        return waiting.size();
    }

    private static boolean busy(String wireState) {
        for (ProvisioningState s : ProvisioningState.values()) {
            if (s.wireName().equals(wireState)) {
                return s.isBusy();
            }
        }
        return false;
    }
}
