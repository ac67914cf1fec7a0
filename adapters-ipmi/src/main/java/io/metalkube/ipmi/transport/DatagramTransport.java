package io.metalkube.ipmi.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A datagram link to one BMC: send a packet, wait a bounded time for the next one. */
public interface DatagramTransport extends Closeable {

    void send(byte[] datagram) throws IOException;

    /** The next datagram from the BMC, or null when {@code timeout} passes first. */
    byte[] receive(Duration timeout) throws IOException;

    /** host:port, for messages. */
    String describe();

    @Override
    void close();
}
