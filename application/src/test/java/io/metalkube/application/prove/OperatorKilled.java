package io.metalkube.application.prove;

/**
 * Thrown by a decorator to "kill" the operator between two steps. An {@link Error}, so that no service catches it
 * (OperationRunner turns RuntimeExceptions into Unavailable) and the simulated process really stops mid-reconcile.
 */
final class OperatorKilled extends Error {

    OperatorKilled(String step, long calls) {
        super("operator killed before step " + calls + " (" + step + ")", null, false, false);
    }
}
