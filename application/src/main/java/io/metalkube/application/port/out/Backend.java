package io.metalkube.application.port.out;

import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.util.function.Supplier;

/**
 * The back-end capabilities one site uses, assembled by the composition root. A back-end may implement all
 * four with one class or mix adapters (e.g. IPMI power with another provisioning back-end).
 */
public record Backend(String name, HostRegistration registration, HostInspection inspection,
                      HostProvisioning provisioning, PowerControl power) {

    /** Wraps every back-end call: gets the operation and the call itself, which it may make or not (metrics, fencing). */
    @FunctionalInterface
    public interface Around {
        Outcome call(Operation operation, Supplier<Outcome> call);
    }

    /** The same back-end with every call of every capability passed through {@code around}. */
    public Backend around(Around around) {
        Backend b = this;
        HostRegistration registration = new HostRegistration() {
            @Override public Outcome register(Operation.Register r) { return around.call(r, () -> b.registration().register(r)); }
            @Override public Outcome delete(Operation.Delete d) { return around.call(d, () -> b.registration().delete(d)); }
            @Override public Outcome detach(Operation.Detach d) { return around.call(d, () -> b.registration().detach(d)); }
        };
        HostInspection inspection = i -> around.call(i, () -> b.inspection().inspect(i));
        HostProvisioning provisioning = new HostProvisioning() {
            @Override public Outcome provision(Operation.Provision p) { return around.call(p, () -> b.provisioning().provision(p)); }
            @Override public Outcome deprovision(Operation.Deprovision d) { return around.call(d, () -> b.provisioning().deprovision(d)); }
        };
        PowerControl power = new PowerControl() {
            @Override public Outcome readPower(Operation.ReadPower r) { return around.call(r, () -> b.power().readPower(r)); }
            @Override public Outcome powerOn(Operation.PowerOn p) { return around.call(p, () -> b.power().powerOn(p)); }
            @Override public Outcome powerOff(Operation.PowerOff p) { return around.call(p, () -> b.power().powerOff(p)); }
            @Override public Outcome reboot(Operation.Reboot r) { return around.call(r, () -> b.power().reboot(r)); }
        };
        return new Backend(name, registration, inspection, provisioning, power);
    }
}
