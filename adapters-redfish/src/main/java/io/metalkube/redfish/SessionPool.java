package io.metalkube.redfish;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.bmc.Transport;
import io.metalkube.domain.host.HostId;
import io.metalkube.redfish.error.AuthenticationFailedException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.transport.HttpTransport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One Redfish session per service endpoint and user (a BMC serving many systems, like sushy-tools, gets one session
 * for all of them: BMCs allow few). Sessions are shared by every thread; the hosts using a session are counted so
 * the last host to go logs it out. A refused password is remembered (by salted hash, never in clear) for a while
 * and answered from memory, so reconciles do not lock the BMC's account.
 */
final class SessionPool implements AutoCloseable {

    private record Refusal(long atNanos, String detail) {
    }

    private final HttpTransport http;
    private final RedfishSettings settings;
    private final Map<String, RedfishSession> sessions = new ConcurrentHashMap<>();
    private final Map<HostId, String> users = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];
    private volatile boolean closed;

    SessionPool(HttpTransport http, RedfishSettings settings) {
        this.http = http;
        this.settings = settings;
        new SecureRandom().nextBytes(salt);
    }

    /** The service endpoint of an address: scheme://host:port (the path names the system, not the service). */
    static URI endpoint(BmcAddress address) {
        String scheme = address.scheme().transport() == Transport.HTTP ? "http" : "https";
        return URI.create(scheme + "://" + address.authority());
    }

    /** Runs {@code work} on the session for this host's BMC and credentials, opening it on first use. */
    <T> T with(HostId host, BmcAddress address, BmcCredentials credentials, boolean verifyTls, Function<RedfishSession, T> work) {
        if (closed) {
            throw new IllegalStateException("the Redfish back-end is shut down");
        }
        URI endpoint = endpoint(address);
        String key = endpoint + "|" + (verifyTls ? "verify" : "insecure") + "|" + fingerprint(credentials);
        Refusal refused = refusals.get(key);
        if (refused != null) {
            if (System.nanoTime() - refused.atNanos() < settings.authFailureHold().toNanos()) {
                throw new AuthenticationFailedException(endpoint.toString(), refused.detail() + " (remembered; not retried for "
                        + settings.authFailureHold().toSeconds() + " s to avoid a BMC account lockout)");
            }
            refusals.remove(key, refused);
        }
        String previous = users.put(host, key);
        if (previous != null && !previous.equals(key)) {
            releaseIfUnused(previous);
        }
        RedfishSession session = sessions.computeIfAbsent(key, k -> new RedfishSession(http, settings, endpoint, verifyTls, credentials));
        try {
            return work.apply(session);
        } catch (AuthenticationFailedException e) {
            refusals.put(key, new Refusal(System.nanoTime(), e.detail()));
            if (sessions.remove(key, session)) {
                session.close();
            }
            throw e;
        }
    }

    /** The host no longer uses its BMC session; the session is logged out when no other host uses it. */
    void forget(HostId host) {
        String key = users.remove(host);
        if (key != null) {
            releaseIfUnused(key);
        }
    }

    private void releaseIfUnused(String key) {
        if (!users.containsValue(key)) {
            RedfishSession s = sessions.remove(key);
            if (s != null) {
                s.close();
            }
        }
    }

    /** Sessions holding a token now (for tests and metrics). */
    int openSessions() {
        return (int) sessions.values().stream().filter(RedfishSession::hasSessionToken).count();
    }

    int endpoints() {
        return sessions.size();
    }

    private String fingerprint(BmcCredentials credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(credentials.username().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Logs every session out. */
    @Override
    public void close() {
        closed = true;
        sessions.values().forEach(RedfishSession::close);
        sessions.clear();
        users.clear();
    }
}
