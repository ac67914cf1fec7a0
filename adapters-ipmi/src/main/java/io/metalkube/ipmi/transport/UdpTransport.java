package io.metalkube.ipmi.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;

/**
 * UDP to one BMC over a connected, non-blocking {@link DatagramChannel} with a selector for receive timeouts.
 * Connected means only the BMC's datagrams are delivered and an ICMP port-unreachable surfaces as an exception.
 */
public final class UdpTransport implements DatagramTransport {

    /** RMCP+ datagrams are small; 1 KiB leaves room for any response this client asks for. */
    private static final int MAX_DATAGRAM = 1024;

    private final DatagramChannel channel;
    private final Selector selector;
    private final String description;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);

    private UdpTransport(DatagramChannel channel, Selector selector, String description) {
        this.channel = channel;
        this.selector = selector;
        this.description = description;
    }

    public static UdpTransport connect(InetSocketAddress bmc) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.connect(bmc);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new UdpTransport(channel, selector, bmc.getHostString() + ":" + bmc.getPort());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] datagram) throws IOException {
        channel.write(ByteBuffer.wrap(datagram));
    }

    @Override
    public byte[] receive(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            buffer.clear();
            if (channel.read(buffer) > 0) {
                return Arrays.copyOf(buffer.array(), buffer.position());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            System.getLogger(UdpTransport.class.getName()).log(System.Logger.Level.DEBUG, "closing the selector for " + description + ": " + e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            System.getLogger(UdpTransport.class.getName()).log(System.Logger.Level.DEBUG, "closing the UDP channel to " + description + ": " + e);
        }
    }
}
