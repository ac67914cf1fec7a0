package io.metalkube.application.port.in;

/** Inbound port: claim a host for a Machine, or release it when the Machine is being deleted. */
public interface ReconcileMachineUseCase {

    ReconcileResult reconcile(MachineId machine);
}
