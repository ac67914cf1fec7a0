package io.metalkube.ipmi;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.ipmi.command.GetDeviceId;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.UserKey;
import io.metalkube.ipmi.error.AuthenticationFailedException;
import io.metalkube.ipmi.error.BmcProtocolException;
import io.metalkube.ipmi.error.BmcUnreachableException;
import io.metalkube.ipmi.error.IpmiException;
import io.metalkube.ipmi.session.IpmiSession;
import io.metalkube.ipmi.session.SessionParameters;
import io.metalkube.ipmi.session.Timeouts;
import io.metalkube.ipmi.transport.UdpTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * At most one RMCP+ session per BMC (host:port), opened on first use and reused; work on one BMC is serialized.
 * A session that stops answering is closed and re-opened once; idle sessions get a Get Device ID keepalive; a
 * refused password is remembered (by salted hash, never in clear) for a while so a BMC is not hammered into lockout.
 */
final class SessionPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SessionPool.class.getName());

    /** One BMC: its lock, its session and the credentials that opened it (as a fingerprint). */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        IpmiSession session;
        byte[] fingerprint;
        byte[] refusedFingerprint;
        long refusedAtNanos;
        String refusal;
    }

    private final IpmiSettings settings;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];
    private final ScheduledExecutorService keepalive;
    private volatile boolean closed;

    SessionPool(IpmiSettings settings) {
        this.settings = settings;
        new SecureRandom().nextBytes(salt);
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ipmi-keepalive");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, settings.keepaliveInterval().toMillis() / 2);
        keepalive.scheduleWithFixedDelay(this::keepalive, period, period, TimeUnit.MILLISECONDS);
    }

    static String key(BmcAddress address) {
        return (address.host() + ":" + address.port()).toLowerCase(Locale.ROOT);
    }

    /**
     * Runs {@code work} on the BMC's session, opening or re-opening it as needed.
     *
     * @throws IpmiException for protocol-level failures, IllegalArgumentException for unusable settings or credentials
     */
    <T> T withSession(BmcAddress address, BmcCredentials credentials, Function<IpmiSession, T> work) {
        if (closed) {
            throw new IllegalStateException("the IPMI back-end is shut down");
        }
        String key = key(address);
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        byte[] fingerprint = fingerprint(credentials);
        entry.lock.lock();
        try {
            if (entry.refusedFingerprint != null && MessageDigest.isEqual(entry.refusedFingerprint, fingerprint)
                    && System.nanoTime() - entry.refusedAtNanos < settings.authFailureHold().toNanos()) {
                throw new AuthenticationFailedException(key, entry.refusal + " (remembered; not retried for "
                        + settings.authFailureHold().toSeconds() + " s to avoid a BMC lockout)");
            }
            boolean reused = entry.session != null && !entry.session.isClosed() && MessageDigest.isEqual(entry.fingerprint, fingerprint);
            if (!reused) {
                closeSession(entry);
                open(entry, address, credentials, fingerprint);
            }
            try {
                return work.apply(entry.session);
            } catch (BmcUnreachableException | BmcProtocolException e) {
                closeSession(entry);
                if (!reused) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "session to " + key + " stopped working (" + e.getMessage() + "); re-opening once");
                open(entry, address, credentials, fingerprint);
                return work.apply(entry.session);
            }
        } finally {
            entry.lock.unlock();
        }
    }

    private void open(Entry entry, BmcAddress address, BmcCredentials credentials, byte[] fingerprint) {
        String key = key(address);
        CipherSuite suite = settings.suiteFor(key);
        SessionParameters params = new SessionParameters(credentials.username(), UserKey.of(credentials.password()),
                address.privilegeLevel(), suite, new Timeouts(settings.attemptTimeout(), settings.attempts()));
        UdpTransport transport;
        try {
            transport = UdpTransport.connect(new InetSocketAddress(address.host(), address.port()));
        } catch (IOException e) {
            throw new BmcUnreachableException(key, "cannot open a UDP socket to it: " + e.getMessage(), e);
        }
        try {
            entry.session = IpmiSession.open(transport, params);
            entry.fingerprint = fingerprint;
            entry.refusedFingerprint = null;
        } catch (AuthenticationFailedException e) {
            entry.refusedFingerprint = fingerprint;
            entry.refusedAtNanos = System.nanoTime();
            entry.refusal = e.detail();
            throw e;
        }
    }

    /** Closes the BMC's session, if any (deregistration). */
    void forget(BmcAddress address) {
        Entry entry = entries.remove(key(address));
        if (entry != null) {
            entry.lock.lock();
            try {
                closeSession(entry);
            } finally {
                entry.lock.unlock();
            }
        }
    }

    int openSessions() {
        return (int) entries.values().stream().filter(e -> e.session != null && !e.session.isClosed()).count();
    }

    private static void closeSession(Entry entry) {
        if (entry.session != null) {
            entry.session.close();
            entry.session = null;
            entry.fingerprint = null;
        }
    }

    private void keepalive() {
        long idle = settings.keepaliveInterval().toNanos();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            IpmiSession s = entry.session;
            if (s == null || System.nanoTime() - s.lastUsedNanos() < idle || !entry.lock.tryLock()) {
                continue;
            }
            try {
                if (entry.session != null && !entry.session.isClosed()) {
                    entry.session.execute(new GetDeviceId());
                }
            } catch (IpmiException ex) {
                LOG.log(System.Logger.Level.INFO, "keepalive to " + e.getKey() + " failed (" + ex.getMessage() + "); the session is closed and re-opened on next use");
                closeSession(entry);
            } finally {
                entry.lock.unlock();
            }
        }
    }

    /** A salted hash of user and password: lets us notice changed credentials without keeping them. */
    private byte[] fingerprint(BmcCredentials credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(credentials.username().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Closes every session (Close Session sent to each BMC) and stops the keepalive. */
    @Override
    public void close() {
        closed = true;
        keepalive.shutdownNow();
        for (Entry entry : entries.values()) {
            entry.lock.lock();
            try {
                closeSession(entry);
            } finally {
                entry.lock.unlock();
            }
        }
        entries.clear();
    }
}
