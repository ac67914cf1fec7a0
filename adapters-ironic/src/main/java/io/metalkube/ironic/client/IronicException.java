package io.metalkube.ironic.client;

/**
 * What went wrong talking to Ironic. Unavailable and Busy say nothing about the host (retry later); Rejected is
 * Ironic refusing this request for this node. Messages never contain request bodies (they may carry passwords).
 */
public abstract sealed class IronicException extends RuntimeException
        permits IronicException.Unavailable, IronicException.Busy, IronicException.Rejected {

    IronicException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Ironic cannot be reached, is not ready (503), failed internally (5xx) or answered with something unreadable. */
    public static final class Unavailable extends IronicException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The node stayed locked (409) for the whole retry budget. */
    public static final class Busy extends IronicException {
        public Busy(String message) {
            super(message, null);
        }
    }

    /** Ironic refused the request (4xx other than 409): bad input, wrong state, unknown node. */
    public static final class Rejected extends IronicException {
        private final int status;

        public Rejected(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }

        public boolean notFound() {
            return status == 404;
        }
    }
}
