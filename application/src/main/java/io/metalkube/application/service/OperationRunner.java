package io.metalkube.application.service;

import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.lang.System.Logger.Level;

/**
 * Runs a lifecycle operation on the back-end capability that serves it. A back-end that throws instead of
 * reporting an outcome is reported as unavailable (and logged), so one broken host or adapter bug never
 * stops the reconcile loop.
 */
public final class OperationRunner {

    private static final System.Logger LOG = System.getLogger(OperationRunner.class.getName());

    private final Backend backend;

    public OperationRunner(Backend backend) {
        this.backend = backend;
    }

    public Outcome run(Operation operation) {
        try {
            Outcome outcome = dispatch(operation);
            if (outcome == null) {
                return new Outcome.Failed("back-end " + backend.name() + " returned no result for " + operation.kind());
            }
            return outcome;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "back-end " + backend.name() + " threw during " + operation.kind() + " of host "
                    + operation.target().host() + ": " + e, e);
            return new Outcome.Unavailable(operation.kind() + " failed unexpectedly in back-end " + backend.name() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Outcome dispatch(Operation operation) {
        return switch (operation) {
            case Operation.Register r -> backend.registration().register(r);
            case Operation.Delete d -> backend.registration().delete(d);
            case Operation.Detach d -> backend.registration().detach(d);
            case Operation.Inspect i -> backend.inspection().inspect(i);
            case Operation.Provision p -> backend.provisioning().provision(p);
            case Operation.Deprovision d -> backend.provisioning().deprovision(d);
            case Operation.ReadPower r -> backend.power().readPower(r);
            case Operation.PowerOn p -> backend.power().powerOn(p);
            case Operation.PowerOff p -> backend.power().powerOff(p);
            case Operation.Reboot r -> backend.power().reboot(r);
        };
    }
}
