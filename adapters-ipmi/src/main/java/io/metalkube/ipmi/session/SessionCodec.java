package io.metalkube.ipmi.session;

import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.SessionKeys;
import io.metalkube.ipmi.wire.IpmiDecodeException;
import io.metalkube.ipmi.wire.IpmiRequest;
import io.metalkube.ipmi.wire.IpmiResponse;
import io.metalkube.ipmi.wire.PayloadType;
import io.metalkube.ipmi.wire.RmcpPlusPacket;

import java.security.SecureRandom;

/**
 * In-session packets (IPMI v2.0 §13.6, §13.28, §13.29): IPMI messages encrypted with AES-CBC-128 and authenticated
 * with HMAC when the suite says so. Inbound packets must carry our session ID, the suite's protection, a valid
 * AuthCode (checked before decryption) and a fresh sequence number; anything else decodes as an error.
 */
final class SessionCodec {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CipherSuite suite;
    private final SessionKeys keys;
    private final int consoleSessionId;
    private final int bmcSessionId;
    private final InboundWindow window = new InboundWindow();

    SessionCodec(CipherSuite suite, SessionKeys keys, int consoleSessionId, int bmcSessionId) {
        this.suite = suite;
        this.keys = keys;
        this.consoleSessionId = consoleSessionId;
        this.bmcSessionId = bmcSessionId;
    }

    byte[] encode(IpmiRequest request, int sequence) {
        byte[] message = request.encode();
        if (suite.encrypted()) {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            message = keys.encrypt(message, iv);
        }
        RmcpPlusPacket packet = new RmcpPlusPacket(PayloadType.IPMI_MESSAGE, suite.encrypted(), suite.authenticated(),
                bmcSessionId, sequence, message);
        return suite.authenticated() ? packet.encode(keys::authCode) : packet.encode();
    }

    /** The response carried by {@code datagram}; throws {@link IpmiDecodeException} for anything not acceptable. */
    IpmiResponse decode(byte[] datagram) {
        RmcpPlusPacket.Received received = RmcpPlusPacket.decode(datagram, suite.integrityCodeLength());
        RmcpPlusPacket p = received.packet();
        if (p.payloadType() != PayloadType.IPMI_MESSAGE || p.sessionId() != consoleSessionId) {
            throw new IpmiDecodeException("not an IPMI message of this session");
        }
        if (p.authenticated() != suite.authenticated() || p.encrypted() != suite.encrypted()) {
            throw new IpmiDecodeException("packet protection does not match cipher suite " + suite.id());
        }
        if (suite.authenticated() && !keys.verify(received.signedBytes(), received.authCode())) {
            throw new IpmiDecodeException("AuthCode does not verify");
        }
        byte[] message = suite.encrypted() ? keys.decrypt(p.payload()) : p.payload();
        IpmiResponse response = IpmiResponse.decode(message);
        if (suite.authenticated() && !window.accept(p.sequence())) {
            throw new IpmiDecodeException("replayed or stale session sequence number " + Integer.toUnsignedString(p.sequence()));
        }
        return response;
    }
}
