package io.metalkube.ipmi;

import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.ipmi.command.GetChannelAuthCapabilities;
import io.metalkube.ipmi.session.Sessionless;
import io.metalkube.ipmi.wire.AsfPresencePing;
import io.metalkube.ipmi.wire.AsfPresencePong;
import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.IpmiResponse;
import io.metalkube.ipmi.wire.RmcpHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds BMCs without credentials (port implementation of {@link BmcScanner}): sends every address × port an ASF
 * presence ping (ASF 2.0 §3.2.4.3) and a sessionless Get Channel Authentication Capabilities (IPMI v2.0 §22.13),
 * paced to the configured rate, then waits the reply window. Whatever answers either as an IPMI BMC is reported.
 */
final class IpmiBmcScanner implements BmcScanner {

    private static final GetChannelAuthCapabilities PROBE = new GetChannelAuthCapabilities(4);
    private static final int PROBE_SEQ = 1;

    private final ScanSettings scan;
    private final List<InetSocketAddress> targets;

    IpmiBmcScanner(ScanSettings scan) {
        this.scan = scan;
        this.targets = ScanTargets.expand(scan);
    }

    @Override
    public List<DiscoveredBmc> scan() {
        Set<InetSocketAddress> wanted = new HashSet<>(targets);
        Map<InetSocketAddress, String> found = new LinkedHashMap<>();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.configureBlocking(false);
            channel.bind(null);
            byte[] ping = new AsfPresencePing(0x2a).encode();
            byte[] probe = Sessionless.encode(PROBE, PROBE_SEQ);
            long intervalNanos = 1_000_000_000L / scan.packetsPerSecond();
            long next = System.nanoTime();
            for (InetSocketAddress target : targets) {
                while (System.nanoTime() < next) {
                    drain(channel, wanted, found);
                    Thread.onSpinWait();
                    sleepMicros(Math.min(200, (next - System.nanoTime()) / 1000));
                }
                send(channel, ping, target);
                send(channel, probe, target);
                next += intervalNanos;
                drain(channel, wanted, found);
            }
            long end = System.nanoTime() + scan.replyWindow().toNanos();
            while (System.nanoTime() < end) {
                if (!drain(channel, wanted, found)) {
                    sleepMicros(500);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the BMC scan could not use its UDP socket: " + e.getMessage(), e);
        }
        List<DiscoveredBmc> out = new ArrayList<>();
        found.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<InetSocketAddress, String> e) -> Arrays.toString(e.getKey().getAddress().getAddress()))
                        .thenComparing(e -> e.getKey().getPort()))
                .forEach(e -> out.add(new DiscoveredBmc(BmcAddress.parse("ipmi://" + e.getKey().getHostString() + ":" + e.getKey().getPort()),
                        "ipmi-scan", e.getValue())));
        return out;
    }

    private static void send(DatagramChannel channel, byte[] datagram, InetSocketAddress target) {
        try {
            channel.send(ByteBuffer.wrap(datagram), target);
        } catch (IOException e) {
            System.getLogger(IpmiBmcScanner.class.getName()).log(System.Logger.Level.DEBUG, "scan probe to " + target + " not sent: " + e.getMessage());
        }
    }

    /** Reads every waiting datagram; true if there was at least one. */
    private static boolean drain(DatagramChannel channel, Set<InetSocketAddress> wanted, Map<InetSocketAddress, String> found) throws IOException {
        boolean any = false;
        ByteBuffer buffer = ByteBuffer.allocate(512);
        SocketAddress from;
        while ((from = channel.receive(buffer.clear())) != null) {
            any = true;
            if (from instanceof InetSocketAddress source && wanted.contains(source)) {
                String detail = describe(Arrays.copyOf(buffer.array(), buffer.position()));
                if (detail != null && (!found.containsKey(source) || detail.startsWith("IPMI"))) {
                    found.put(source, detail);
                }
            }
        }
        return any;
    }

    /** What an answer says about the responder, or null when it is not an IPMI BMC's answer. */
    static String describe(byte[] datagram) {
        try {
            if (RmcpHeader.peekClass(datagram) == RmcpHeader.MessageClass.ASF) {
                AsfPresencePong pong = AsfPresencePong.decode(datagram);
                return pong.ipmiSupported() ? "ASF presence pong, IPMI supported" : null;
            }
            IpmiResponse response = Sessionless.match(PROBE, PROBE_SEQ, datagram);
            if (response == null || response.completionCode() != 0) {
                return null;
            }
            return PROBE.parseResponse(response.data()).summary();
        } catch (IpmiDecodeException e) {
            return null;
        }
    }

    private static void sleepMicros(long micros) {
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("BMC scan interrupted", e);
        }
    }
}
