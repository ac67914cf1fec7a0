package io.metalkube.ipmi.session;

import io.metalkube.ipmi.command.IpmiCommand;
import io.metalkube.ipmi.error.BmcProtocolException;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.transport.DatagramTransport;
import io.metalkube.ipmi.wire.Ipmi15Packet;
import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.IpmiRequest;
import io.metalkube.ipmi.wire.IpmiResponse;

/**
 * Commands outside a session (only Get Channel Authentication Capabilities needs it), wrapped in an IPMI v1.5
 * packet with auth type NONE and session ID 0 as ipmitool sends them (IPMI v2.0 §13.6, §22.13).
 */
public final class Sessionless {

    private Sessionless() {
    }

    public static byte[] encode(IpmiCommand<?> command, int rqSeq) {
        return Ipmi15Packet.sessionless(IpmiRequest.toBmc(command.netFn(), command.command(), rqSeq, command.requestData()).encode()).encode();
    }

    /** The response in {@code datagram} if it answers {@code command} with {@code rqSeq}, else null. */
    public static IpmiResponse match(IpmiCommand<?> command, int rqSeq, byte[] datagram) {
        IpmiResponse response = IpmiResponse.decode(Ipmi15Packet.decode(datagram).message());
        IpmiRequest request = IpmiRequest.toBmc(command.netFn(), command.command(), rqSeq, null);
        return response.answers(request) ? response : null;
    }

    public static <T> T execute(DatagramTransport transport, Timeouts timeouts, IpmiCommand<T> command) {
        int rqSeq = 1;
        IpmiResponse response = Exchange.run(transport, timeouts, attempt -> encode(command, rqSeq),
                datagram -> match(command, rqSeq, datagram), command.name());
        return parse(transport.describe(), command, response);
    }

    static <T> T parse(String bmc, IpmiCommand<T> command, IpmiResponse response) {
        if (response.completionCode() != 0) {
            throw new CompletionCodeException(bmc, command.name(), response.completionCode());
        }
        try {
            return command.parseResponse(response.data());
        } catch (IpmiDecodeException e) {
            throw new BmcProtocolException(bmc, "malformed answer to " + command.name() + ": " + e.getMessage(), e);
        }
    }
}
