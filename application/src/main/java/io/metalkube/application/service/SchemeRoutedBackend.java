package io.metalkube.application.service;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.bmc.BmcDriver;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Direct mode: one deployment, every BMC kind. Each host's BMC scheme picks the back-end that talks to it —
 * {@code ipmi://} (and libvirt's virtual IPMI BMCs) → the IPMI back-end; {@code redfish*://}, {@code idrac-*://},
 * {@code ilo5-*://} → the Redfish back-end. A host whose protocol no configured back-end serves gets a Failed
 * outcome (a registration error on the host) naming the address and what to change, supplied by the composition
 * root so this class stays free of setting names.
 */
public final class SchemeRoutedBackend {

    /** The BMC protocols a direct back-end speaks. */
    public enum Protocol {
        IPMI, REDFISH;

        /** The protocol a BMC driver family is spoken in. */
        public static Protocol of(BmcDriver driver) {
            return driver.isRedfishFamily() ? REDFISH : IPMI;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Protocol, Backend> backends;
    private final Function<Protocol, String> howToServe;

    private SchemeRoutedBackend(Map<Protocol, Backend> backends, Function<Protocol, String> howToServe) {
        this.backends = new EnumMap<>(backends);
        this.howToServe = howToServe;
    }

    /**
     * @param backends   the configured back-end per protocol (at least one)
     * @param howToServe for a protocol no back-end serves: what the user should change, e.g. the setting to edit
     */
    public static Backend of(Map<Protocol, Backend> backends, Function<Protocol, String> howToServe) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("direct mode needs at least one back-end");
        }
        SchemeRoutedBackend r = new SchemeRoutedBackend(backends, howToServe);
        return new Backend("direct", r.new Registration(), r::inspect, r.new Provisioning(), r.new Power());
    }

    /** The pure routing decision: the back-end for this operation's host, or the Failed outcome explaining why none. */
    Route route(Operation op) {
        if (op.target().address() == null) {
            return new Route(null, new Outcome.Failed("no usable BMC address or credentials for host " + op.target().host() + "; fix spec.bmc"));
        }
        Protocol protocol = Protocol.of(op.target().address().driver());
        Backend b = backends.get(protocol);
        if (b == null) {
            return new Route(null, new Outcome.Failed("host " + op.target().host() + " has BMC address " + op.target().address()
                    + ", a " + protocol.wireName() + " BMC, but no configured back-end serves " + protocol.wireName()
                    + " (direct back-ends: " + backends.keySet().stream().map(Protocol::wireName).toList() + "); " + howToServe.apply(protocol)));
        }
        return new Route(b, null);
    }

    /** Either the chosen back-end or why there is none. */
    record Route(Backend backend, Outcome.Failed refusal) {
    }

    private Outcome on(Operation op, Function<Backend, Outcome> call) {
        Route r = route(op);
        return r.backend() == null ? r.refusal() : call.apply(r.backend());
    }

    /** Deleting a host with no usable address: every back-end forgets it (none can have a session for it). */
    private Outcome everywhere(Function<Backend, Outcome> call) {
        for (Backend b : List.copyOf(backends.values())) {
            Outcome o = call.apply(b);
            if (!(o instanceof Outcome.Done)) {
                return o;
            }
        }
        return new Outcome.Done();
    }

    private Outcome inspect(Operation.Inspect i) {
        return on(i, b -> b.inspection().inspect(i));
    }

    private final class Registration implements HostRegistration {
        @Override
        public Outcome register(Operation.Register r) {
            return on(r, b -> b.registration().register(r));
        }

        @Override
        public Outcome delete(Operation.Delete d) {
            return d.target().address() == null ? everywhere(b -> b.registration().delete(d)) : on(d, b -> b.registration().delete(d));
        }

        @Override
        public Outcome detach(Operation.Detach d) {
            return d.target().address() == null ? everywhere(b -> b.registration().detach(d)) : on(d, b -> b.registration().detach(d));
        }
    }

    private final class Provisioning implements HostProvisioning {
        @Override
        public Outcome provision(Operation.Provision p) {
            return on(p, b -> b.provisioning().provision(p));
        }

        @Override
        public Outcome deprovision(Operation.Deprovision d) {
            return on(d, b -> b.provisioning().deprovision(d));
        }
    }

    private final class Power implements PowerControl {
        @Override
        public Outcome readPower(Operation.ReadPower r) {
            return on(r, b -> b.power().readPower(r));
        }

        @Override
        public Outcome powerOn(Operation.PowerOn p) {
            return on(p, b -> b.power().powerOn(p));
        }

        @Override
        public Outcome powerOff(Operation.PowerOff p) {
            return on(p, b -> b.power().powerOff(p));
        }

        @Override
        public Outcome reboot(Operation.Reboot r) {
            return on(r, b -> b.power().reboot(r));
        }
    }
}
