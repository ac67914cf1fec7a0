package io.metalkube.application.prove;

/**
 * A hook the fault-injecting decorators call before every store or back-end step. It may throw (a 409, a
 * crash), run other work first (an interleaving) or just count. {@link #NONE} does nothing.
 */
@FunctionalInterface
interface Faults {

    Faults NONE = step -> { };

    /** Called before {@code step} (e.g. "hosts.compareAndSetSpec", "backend.provision") reaches the real fake. */
    void before(String step);
}
