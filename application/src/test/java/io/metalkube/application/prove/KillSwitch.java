package io.metalkube.application.prove;

/** {@link Faults} that counts every store and back-end step and kills the operator right before step {@code killAt}. */
final class KillSwitch implements Faults {

    private final long killAt;
    private long calls;

    /** {@code killAt} ≤ 0 never kills: a counting run. */
    KillSwitch(long killAt) {
        this.killAt = killAt;
    }

    long calls() {
        return calls;
    }

    @Override
    public void before(String step) {
        calls++;
        if (calls == killAt) {
            throw new OperatorKilled(step, calls);
        }
    }
}
