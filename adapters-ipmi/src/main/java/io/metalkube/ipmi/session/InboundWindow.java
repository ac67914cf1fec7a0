package io.metalkube.ipmi.session;

/**
 * Replay protection for the BMC's session sequence numbers (IPMI v2.0 §6.12.13): accept a number once, and only
 * within a window of 16 below the highest seen; 0 is never valid in an authenticated session.
 */
final class InboundWindow {

    static final int SIZE = 16;

    private long highest = -1;
    private int seen;

    /** True when {@code sequence} is new and within the window; it is then recorded. */
    boolean accept(int sequence) {
        long s = Integer.toUnsignedLong(sequence);
        if (s == 0) {
            return false;
        }
        if (highest < 0 || s > highest) {
            long shift = highest < 0 ? SIZE : s - highest;
            seen = shift >= SIZE ? 1 : (seen << shift) | 1;
            highest = s;
            return true;
        }
        long behind = highest - s;
        if (behind >= SIZE || (seen & (1 << behind)) != 0) {
            return false;
        }
        seen |= 1 << behind;
        return true;
    }
}
