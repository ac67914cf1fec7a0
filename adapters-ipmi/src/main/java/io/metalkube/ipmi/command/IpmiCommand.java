package io.metalkube.ipmi.command;

/**
 * One IPMI command: where it goes (network function, command code), its request data, and how to read the
 * response data that follows a zero completion code. Pure codec, no I/O.
 *
 * @param <T> what the response means
 */
public interface IpmiCommand<T> {

    int netFn();

    int command();

    byte[] requestData();

    /** @throws io.metalkube.ipmi.wire.IpmiDecodeException when the data is too short or malformed */
    T parseResponse(byte[] data);

    /** A human name for messages, e.g. "Get Chassis Status". */
    String name();
}
