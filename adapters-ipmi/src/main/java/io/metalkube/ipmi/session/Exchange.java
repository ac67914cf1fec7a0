package io.metalkube.ipmi.session;

import io.metalkube.ipmi.error.BmcUnreachableException;
import io.metalkube.ipmi.transport.DatagramTransport;
import io.metalkube.ipmi.wire.IpmiDecodeException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Bounded retransmission: send, wait up to the attempt timeout for a datagram the caller accepts, resend (freshly
 * encoded, so session sequence numbers advance on every transmission) until the attempts run out. Datagrams that do
 * not decode or do not answer the request are dropped, as a stale or forged packet must not end the wait.
 */
final class Exchange {

    private static final System.Logger LOG = System.getLogger(Exchange.class.getName());

    private Exchange() {
    }

    /**
     * @param request  the datagram for attempt n (1-based)
     * @param accept   the answer, or null to keep waiting; may throw {@link IpmiDecodeException} to drop the datagram
     * @param what     e.g. "Open Session Request", for the error message
     */
    static <T> T run(DatagramTransport transport, Timeouts timeouts, IntFunction<byte[]> request,
                     Function<byte[], T> accept, String what) {
        for (int attempt = 1; attempt <= timeouts.attempts(); attempt++) {
            try {
                transport.send(request.apply(attempt));
                long deadline = System.nanoTime() + timeouts.attemptTimeout().toNanos();
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    byte[] datagram = transport.receive(Duration.ofNanos(left));
                    if (datagram == null) {
                        break;
                    }
                    T answer = tryAccept(accept, datagram);
                    if (answer != null) {
                        return answer;
                    }
                }
            } catch (PortUnreachableException e) {
                throw new BmcUnreachableException(transport.describe(), "nothing listens on this UDP port (ICMP port unreachable) while sending "
                        + what + "; check the port in the BMC address and that IPMI over LAN is enabled", e);
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new BmcUnreachableException(transport.describe(), "interrupted while waiting for " + what, e);
            } catch (IOException e) {
                throw new BmcUnreachableException(transport.describe(), "network error while sending " + what + ": " + e.getMessage(), e);
            }
        }
        throw new BmcUnreachableException(transport.describe(), "no answer to " + what + " after " + timeouts.attempts()
                + " attempt(s) of " + timeouts.attemptTimeout().toMillis() + " ms; check the address and port, that IPMI over LAN"
                + " is enabled on the BMC and that UDP reaches it", null);
    }

    private static <T> T tryAccept(Function<byte[], T> accept, byte[] datagram) {
        try {
            return accept.apply(datagram);
        } catch (IpmiDecodeException dropped) {
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped a datagram that is not an acceptable answer: " + dropped.getMessage());
            return null; // malformed, foreign, forged or replayed: not an answer, keep waiting
        }
    }
}
