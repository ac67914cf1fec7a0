package io.metalkube.ipmi.fake;

import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.RakpAuthenticator;
import io.metalkube.ipmi.crypto.SessionKeys;
import io.metalkube.ipmi.crypto.UserKey;
import io.metalkube.ipmi.wire.Ipmi15Packet;
import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.IpmiRequest;
import io.metalkube.ipmi.wire.IpmiResponse;
import io.metalkube.ipmi.wire.OpenSessionRequest;
import io.metalkube.ipmi.wire.OpenSessionResponse;
import io.metalkube.ipmi.wire.PayloadType;
import io.metalkube.ipmi.wire.Rakp1;
import io.metalkube.ipmi.wire.Rakp2;
import io.metalkube.ipmi.wire.Rakp3;
import io.metalkube.ipmi.wire.Rakp4;
import io.metalkube.ipmi.wire.RmcpHeader;
import io.metalkube.ipmi.wire.RmcpPlusPacket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory BMC on a loopback UDP port, written from the spec's server side (IPMI v2.0 §13.17-§13.23, §13.28,
 * §13.29) on top of this module's codec and crypto. Unlike ipmi_sim it speaks cipher suite 17, and it has knobs the
 * simulator lacks: drop the next in-session requests, answer "node busy", record the session sequence numbers.
 * Power and boot flags live in fields; commands it does not know get C1h.
 */
public final class FakeBmc implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] GUID = "metalkube-fake-1".getBytes(StandardCharsets.US_ASCII);

    /** One session in setup or active. */
    private static final class Session {
        int consoleId;
        CipherSuite suite;
        byte[] rm;
        byte[] rc;
        int role;
        String user;
        SessionKeys keys;
        int sequence;
    }

    private final DatagramChannel channel;
    private final Thread loop;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Set<CipherSuite> suites;
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    private final List<Integer> inSessionSequences = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger busyNext = new AtomicInteger();
    private volatile boolean poweredOn;
    private volatile byte[] bootFlags = new byte[5];
    private volatile boolean running = true;

    private FakeBmc(DatagramChannel channel, Set<CipherSuite> suites) {
        this.channel = channel;
        this.suites = suites;
        this.loop = new Thread(this::serve, "fake-bmc-" + channel.socket().getLocalPort());
        this.loop.setDaemon(true);
        this.loop.start();
    }

    public static FakeBmc start(String host, Set<CipherSuite> suites, String user, String password) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(host, 0));
        FakeBmc bmc = new FakeBmc(ch, suites);
        bmc.users.put(user, password);
        return bmc;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.socket().getLocalSocketAddress();
    }

    public String bmcAddress() {
        return "ipmi://" + address().getHostString() + ":" + address().getPort();
    }

    public boolean poweredOn() {
        return poweredOn;
    }

    public void setPower(boolean on) {
        poweredOn = on;
    }

    /** Boot flags data 1-5 as last set (parameter 5). */
    public byte[] bootFlags() {
        return bootFlags.clone();
    }

    /** Ignore the next {@code n} in-session requests (as a lossy network would). */
    public void dropNext(int n) {
        dropNext.set(n);
    }

    /** Answer the next {@code n} in-session requests with C0h, node busy. */
    public void busyNext(int n) {
        busyNext.set(n);
    }

    /** Session sequence numbers of every in-session request received, in order. */
    public List<Integer> inSessionSequences() {
        return List.copyOf(inSessionSequences);
    }

    public int activeSessions() {
        return (int) sessions.values().stream().filter(s -> s.keys != null).count();
    }

    private void serve() {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (running) {
            try {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                byte[] in = Arrays.copyOf(buf.array(), buf.position());
                byte[] out = handle(in);
                if (out != null) {
                    channel.send(ByteBuffer.wrap(out), from);
                }
            } catch (IpmiDecodeException e) {
                // a malformed datagram gets no answer, as on a real BMC
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("fake BMC socket failed", e);
                }
            }
        }
    }

    private byte[] handle(byte[] in) {
        if (RmcpHeader.peekClass(in) != RmcpHeader.MessageClass.IPMI) {
            return null;
        }
        if ((in[4] & 0xff) != Ipmi15Packet.AUTH_RMCP_PLUS) {
            IpmiRequest r = IpmiRequest.decode(Ipmi15Packet.decode(in).message());
            if (r.command() != 0x38) {
                return null;
            }
            return Ipmi15Packet.sessionless(respond(r, 0, new byte[]{0x01, (byte) 0x97, 0x04, 0x03, 0, 0, 0, 0}).encode()).encode();
        }
        int type = in[5] & 0x3f;
        if (type == PayloadType.OPEN_SESSION_REQUEST.code()) {
            return openSession(OpenSessionRequest.decode(RmcpPlusPacket.decode(in, 0).packet().payload()));
        }
        if (type == PayloadType.RAKP_1.code()) {
            return rakp2(Rakp1.decode(RmcpPlusPacket.decode(in, 0).packet().payload()));
        }
        if (type == PayloadType.RAKP_3.code()) {
            return rakp4(Rakp3.decode(RmcpPlusPacket.decode(in, 0).packet().payload()));
        }
        return inSession(in);
    }

    private byte[] openSession(OpenSessionRequest r) {
        CipherSuite suite = suites.stream().filter(s -> s.authAlgorithm() == r.authAlgorithm() && s.integrityAlgorithm() == r.integrityAlgorithm()
                && s.confidentialityAlgorithm() == r.confidentialityAlgorithm()).findFirst().orElse(null);
        if (suite == null) {
            return plain(PayloadType.OPEN_SESSION_RESPONSE, new OpenSessionResponse(r.messageTag(), 0x11, 0, r.consoleSessionId(), 0, 0, 0, 0).encode());
        }
        int id = RANDOM.nextInt() | 1;
        Session s = new Session();
        s.consoleId = r.consoleSessionId();
        s.suite = suite;
        sessions.put(id, s);
        return plain(PayloadType.OPEN_SESSION_RESPONSE, new OpenSessionResponse(r.messageTag(), 0, 4, r.consoleSessionId(), id,
                suite.authAlgorithm(), suite.integrityAlgorithm(), suite.confidentialityAlgorithm()).encode());
    }

    private byte[] rakp2(Rakp1 r) {
        Session s = sessions.get(r.bmcSessionId());
        if (s == null) {
            return null;
        }
        String password = users.get(r.username());
        if (password == null) {
            return plain(PayloadType.RAKP_2, new Rakp2(r.messageTag(), 0x0d, s.consoleId, new byte[0], new byte[0], new byte[0]).encode());
        }
        s.rm = r.consoleRandom();
        s.rc = new byte[16];
        RANDOM.nextBytes(s.rc);
        s.role = r.role();
        s.user = r.username();
        byte[] name = r.username().getBytes(StandardCharsets.ISO_8859_1);
        byte[] code = new RakpAuthenticator(s.suite, UserKey.of(password)).rakp2AuthCode(s.consoleId, r.bmcSessionId(), s.rm, s.rc, GUID, s.role, name);
        return plain(PayloadType.RAKP_2, new Rakp2(r.messageTag(), 0, s.consoleId, s.rc, GUID, code).encode());
    }

    private byte[] rakp4(Rakp3 r) {
        Session s = sessions.get(r.bmcSessionId());
        if (s == null || s.user == null) {
            return null;
        }
        RakpAuthenticator rakp = new RakpAuthenticator(s.suite, UserKey.of(users.get(s.user)));
        byte[] name = s.user.getBytes(StandardCharsets.ISO_8859_1);
        if (!Arrays.equals(r.keyExchangeAuthCode(), rakp.rakp3AuthCode(s.rc, s.consoleId, s.role, name))) {
            sessions.remove(r.bmcSessionId());
            return plain(PayloadType.RAKP_4, new Rakp4(r.messageTag(), 0x0f, s.consoleId, new byte[0]).encode());
        }
        byte[] sik = rakp.sessionIntegrityKey(s.rm, s.rc, s.role, name);
        s.keys = rakp.sessionKeys(sik);
        return plain(PayloadType.RAKP_4, new Rakp4(r.messageTag(), 0, s.consoleId, rakp.rakp4Icv(sik, s.rm, r.bmcSessionId(), GUID)).encode());
    }

    private byte[] inSession(byte[] in) {
        int sessionId = (in[6] & 0xff) | (in[7] & 0xff) << 8 | (in[8] & 0xff) << 16 | (in[9] & 0xff) << 24;
        Session s = sessions.get(sessionId);
        if (s == null || s.keys == null) {
            return null;
        }
        RmcpPlusPacket.Received received = RmcpPlusPacket.decode(in, s.suite.integrityCodeLength());
        if (s.suite.authenticated() && !s.keys.verify(received.signedBytes(), received.authCode())) {
            return null;
        }
        inSessionSequences.add(received.packet().sequence());
        if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return null;
        }
        byte[] payload = s.suite.encrypted() ? s.keys.decrypt(received.packet().payload()) : received.packet().payload();
        IpmiRequest request = IpmiRequest.decode(payload);
        IpmiResponse response = busyNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? respond(request, 0xc0, new byte[0]) : execute(request, sessionId);
        byte[] message = response.encode();
        if (s.suite.encrypted()) {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            message = s.keys.encrypt(message, iv);
        }
        RmcpPlusPacket packet = new RmcpPlusPacket(PayloadType.IPMI_MESSAGE, s.suite.encrypted(), s.suite.authenticated(), s.consoleId,
                ++s.sequence, message);
        return s.suite.authenticated() ? packet.encode(s.keys::authCode) : packet.encode();
    }

    private IpmiResponse execute(IpmiRequest r, int sessionId) {
        int key = r.netFn() << 8 | r.command();
        byte[] d = r.data();
        return switch (key) {
            case 0x0601 -> respond(r, 0, new byte[]{0x20, 0x01, 0x02, 0x15, 0x02, 0x0f, (byte) 0xa2, 0x02, 0x00, 0x34, 0x12});
            case 0x063b -> respond(r, 0, new byte[]{d[0]});
            case 0x063c -> {
                sessions.remove(sessionId);
                yield respond(r, 0, new byte[0]);
            }
            case 0x0001 -> respond(r, 0, new byte[]{(byte) (poweredOn ? 0x01 : 0x00), 0, 0, 0});
            case 0x0002 -> control(r, d[0]);
            case 0x0008 -> {
                if ((d[0] & 0x7f) == 0x05) {
                    bootFlags = Arrays.copyOfRange(d, 1, 6);
                }
                yield respond(r, 0, new byte[0]);
            }
            case 0x0009 -> {
                byte[] out = new byte[7];
                out[0] = 0x01;
                out[1] = 0x05;
                System.arraycopy(bootFlags, 0, out, 2, 5);
                yield respond(r, 0, out);
            }
            default -> respond(r, 0xc1, new byte[0]);
        };
    }

    private IpmiResponse control(IpmiRequest r, int action) {
        switch (action) {
            case 0x00, 0x05 -> poweredOn = false;
            case 0x01, 0x02 -> poweredOn = true;
            case 0x03 -> { /* hard reset: power stays as it is */ }
            default -> {
                return respond(r, 0xcc, new byte[0]);
            }
        }
        return respond(r, 0, new byte[0]);
    }

    private static IpmiResponse respond(IpmiRequest r, int cc, byte[] data) {
        return new IpmiResponse(r.rqAddr(), r.netFn() + 1, r.rqLun(), r.rsAddr(), r.rqSeq(), r.rsLun(), r.command(), cc, data);
    }

    private static byte[] plain(PayloadType type, byte[] payload) {
        return RmcpPlusPacket.plain(type, payload).encode();
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the fake BMC socket", e);
        }
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
