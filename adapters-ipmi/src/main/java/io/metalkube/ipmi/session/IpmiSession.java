package io.metalkube.ipmi.session;

import io.metalkube.ipmi.command.CloseSession;
import io.metalkube.ipmi.command.IpmiCommand;
import io.metalkube.ipmi.command.SetSessionPrivilegeLevel;
import io.metalkube.ipmi.error.AuthenticationFailedException;
import io.metalkube.ipmi.error.BmcUnreachableException;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.error.IpmiException;
import io.metalkube.ipmi.transport.DatagramTransport;
import io.metalkube.ipmi.wire.IpmiRequest;
import io.metalkube.ipmi.wire.IpmiResponse;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One established RMCP+ session with one BMC. Commands are serialized (one outstanding request, as BMCs buffer
 * only about two packets, IPMI v2.0 §6.10.1). Every transmission, retries included, takes the next session sequence
 * number (§6.12.13); a retry keeps the request's rqSeq so a late answer to the first try is still recognised.
 * Temporary completion codes (C0h busy, C3h timeout) are retried within the same bounded attempts.
 */
public final class IpmiSession implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofMillis(500);

    private final DatagramTransport transport;
    private final SessionParameters params;
    private final SessionCodec codec;
    private final int bmcSessionId;
    private final ReentrantLock lock = new ReentrantLock();
    private int sequence;
    private int rqSeq;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean closed;

    private IpmiSession(DatagramTransport transport, SessionParameters params, SessionHandshake.Established established) {
        this.transport = transport;
        this.params = params;
        this.bmcSessionId = established.bmcSessionId();
        this.codec = new SessionCodec(params.suite(), established.keys(), established.consoleSessionId(), established.bmcSessionId());
    }

    /**
     * Opens a session and raises it to the requested privilege; closes {@code transport} if that fails.
     *
     * @throws IpmiException (a subtype) naming the BMC and the cause
     */
    public static IpmiSession open(DatagramTransport transport, SessionParameters params) {
        try {
            IpmiSession session = new IpmiSession(transport, params, new SessionHandshake(transport, params).run());
            session.raisePrivilege();
            return session;
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private void raisePrivilege() {
        try {
            execute(new SetSessionPrivilegeLevel(params.privilege().code()));
        } catch (CompletionCodeException e) {
            close();
            throw new AuthenticationFailedException(transport.describe(), "user \"" + params.username() + "\" may not use privilege "
                    + params.privilege() + " (" + e.getMessage() + "); use a user with that privilege or lower ?privilegelevel=");
        }
    }

    public String bmc() {
        return transport.describe();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Nanos (System.nanoTime) of the last completed command, for keepalive. */
    public long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Sends one command and returns its parsed answer.
     *
     * @throws IpmiException a timeout ({@code BmcUnreachableException}), a non-zero completion code or a malformed answer
     */
    public <T> T execute(IpmiCommand<T> command) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("session to " + bmc() + " is closed");
            }
            rqSeq = (rqSeq + 1) & 0x3f;
            IpmiRequest request = IpmiRequest.toBmc(command.netFn(), command.command(), rqSeq, command.requestData());
            int[] lastTemporary = {-1};
            IpmiResponse response;
            try {
                response = Exchange.run(transport, params.timeouts(), attempt -> codec.encode(request, nextSequence()),
                        datagram -> {
                            IpmiResponse r = codec.decode(datagram);
                            if (r.answers(request) && CompletionCodes.temporary(r)) {
                                lastTemporary[0] = r.completionCode();
                                return null;
                            }
                            return r.answers(request) ? r : null;
                        }, command.name());
            } catch (BmcUnreachableException e) {
                if (lastTemporary[0] >= 0) {
                    throw new CompletionCodeException(bmc(), command.name() + " (still busy after " + params.timeouts().attempts()
                            + " attempts)", lastTemporary[0]);
                }
                throw e;
            }
            lastUsedNanos = System.nanoTime();
            return Sessionless.parse(bmc(), command, response);
        } finally {
            lock.unlock();
        }
    }

    private int nextSequence() {
        sequence++;
        if (sequence == 0) {
            sequence = 1; // 0 is never a valid in-session sequence number
        }
        return sequence;
    }

    /** Sends Close Session (one attempt; waits at most 500 ms for the answer) and releases the socket. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                rqSeq = (rqSeq + 1) & 0x3f;
                CloseSession close = new CloseSession(bmcSessionId);
                IpmiRequest request = IpmiRequest.toBmc(close.netFn(), close.command(), rqSeq, close.requestData());
                Duration wait = params.timeouts().attemptTimeout().compareTo(CLOSE_WAIT) < 0 ? params.timeouts().attemptTimeout() : CLOSE_WAIT;
                Exchange.run(transport, new Timeouts(wait, 1), attempt -> codec.encode(request, nextSequence()),
                        datagram -> codec.decode(datagram).answers(request) ? Boolean.TRUE : null, close.name());
            } catch (RuntimeException e) {
                System.getLogger(IpmiSession.class.getName()).log(System.Logger.Level.DEBUG,
                        "Close Session to " + bmc() + " not sent: " + e.getMessage());
            }
            transport.close();
        } finally {
            lock.unlock();
        }
    }

    /** Temporary completion codes make the exchange keep waiting and retransmit (IPMI v2.0 §5.2). */
    private static final class CompletionCodes {
        static boolean temporary(IpmiResponse r) {
            return io.metalkube.ipmi.error.CompletionCodes.isTemporary(r.completionCode());
        }
    }
}
