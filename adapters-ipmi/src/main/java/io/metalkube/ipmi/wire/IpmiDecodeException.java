package io.metalkube.ipmi.wire;

/** The one error every decoder in this package raises for malformed or truncated input. */
public final class IpmiDecodeException extends RuntimeException {

    public IpmiDecodeException(String message) {
        super(message);
    }
}
