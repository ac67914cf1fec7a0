package io.metalkube.domain.host;

import java.time.Instant;

/** status.operationHistory: when each long operation last started and ended. */
public record OperationHistory(Span register, Span inspect, Span provision, Span deprovision) {

    public OperationHistory {
        register = register == null ? Span.NEVER : register;
        inspect = inspect == null ? Span.NEVER : inspect;
        provision = provision == null ? Span.NEVER : provision;
        deprovision = deprovision == null ? Span.NEVER : deprovision;
    }

    public static OperationHistory empty() {
        return new OperationHistory(null, null, null, null);
    }

    /** Start and end of one operation; null when it has not happened. */
    public record Span(Instant start, Instant end) {
        public static final Span NEVER = new Span(null, null);

        public Span started(Instant at) {
            return new Span(at, null);
        }

        public Span ended(Instant at) {
            return new Span(start, at);
        }
    }

    public enum Kind { REGISTER, INSPECT, PROVISION, DEPROVISION }

    public Span span(Kind kind) {
        return switch (kind) {
            case REGISTER -> register;
            case INSPECT -> inspect;
            case PROVISION -> provision;
            case DEPROVISION -> deprovision;
        };
    }

    public OperationHistory with(Kind kind, Span span) {
        return switch (kind) {
            case REGISTER -> new OperationHistory(span, inspect, provision, deprovision);
            case INSPECT -> new OperationHistory(register, span, provision, deprovision);
            case PROVISION -> new OperationHistory(register, inspect, span, deprovision);
            case DEPROVISION -> new OperationHistory(register, inspect, provision, span);
        };
    }
}
