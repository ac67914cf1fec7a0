package io.metalkube.ipmi.session;

import io.metalkube.ipmi.command.GetChannelAuthCapabilities;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.RakpAuthenticator;
import io.metalkube.ipmi.crypto.SessionKeys;
import io.metalkube.ipmi.error.AuthenticationFailedException;
import io.metalkube.ipmi.error.BmcProtocolException;
import io.metalkube.ipmi.error.UnsupportedCipherSuiteException;
import io.metalkube.ipmi.transport.DatagramTransport;
import io.metalkube.ipmi.wire.OpenSessionRequest;
import io.metalkube.ipmi.wire.OpenSessionResponse;
import io.metalkube.ipmi.wire.PayloadType;
import io.metalkube.ipmi.wire.Rakp1;
import io.metalkube.ipmi.wire.Rakp2;
import io.metalkube.ipmi.wire.Rakp3;
import io.metalkube.ipmi.wire.Rakp4;
import io.metalkube.ipmi.wire.RmcpPlusPacket;
import io.metalkube.ipmi.wire.RmcpPlusStatus;

import java.security.SecureRandom;

/**
 * Establishes an RMCP+ session (IPMI v2.0 §13.15): Get Channel Authentication Capabilities (v2.0 data), Open Session
 * Request/Response (§13.17, §13.18), RAKP 1-4 (§13.20-§13.23) with the BMC's AuthCode checked before ours is sent.
 * It never asks the BMC for its cipher suites: the suite is configured, so BMCs that ignore Get Channel Cipher
 * Suites cannot stall us.
 */
final class SessionHandshake {

    /** The keys and IDs of an established session. */
    record Established(int consoleSessionId, int bmcSessionId, SessionKeys keys) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatagramTransport transport;
    private final SessionParameters params;
    private final String bmc;

    SessionHandshake(DatagramTransport transport, SessionParameters params) {
        this.transport = transport;
        this.params = params;
        this.bmc = transport.describe();
    }

    Established run() {
        GetChannelAuthCapabilities.Capabilities caps = Sessionless.execute(transport, params.timeouts(),
                new GetChannelAuthCapabilities(params.privilege().code()));
        if (!caps.ipmi20()) {
            throw new UnsupportedCipherSuiteException(bmc, "the BMC does not offer IPMI v2.0 (RMCP+) on this channel ("
                    + caps.summary() + "); enable IPMI v2.0 / lanplus on the BMC");
        }
        CipherSuite suite = params.suite();
        int consoleId = 0;
        while (consoleId == 0) {
            consoleId = RANDOM.nextInt();
        }
        OpenSessionResponse open = openSession(suite, consoleId);
        RakpAuthenticator rakp = new RakpAuthenticator(suite, params.userKey());
        byte[] rm = new byte[16];
        RANDOM.nextBytes(rm);
        byte[] name = params.usernameBytes();
        Rakp2 rakp2 = rakp12(open.bmcSessionId(), consoleId, rm);
        if (!rakp.verifyRakp2(rakp2.keyExchangeAuthCode(), consoleId, open.bmcSessionId(), rm, rakp2.bmcRandom(),
                rakp2.bmcGuid(), params.role(), name)) {
            throw new AuthenticationFailedException(bmc, "the password for user \"" + params.username()
                    + "\" is wrong (the BMC's RAKP 2 proof does not match); check the credentials Secret");
        }
        byte[] sik = rakp.sessionIntegrityKey(rm, rakp2.bmcRandom(), params.role(), name);
        byte[] rakp3Code = rakp.rakp3AuthCode(rakp2.bmcRandom(), consoleId, params.role(), name);
        Rakp4 rakp4 = rakp34(open.bmcSessionId(), consoleId, rakp3Code);
        if (suite.authenticated() && !rakp.verifyRakp4(rakp4.integrityCheckValue(), sik, rm, open.bmcSessionId(), rakp2.bmcGuid())) {
            throw new BmcProtocolException(bmc, "the BMC's RAKP 4 integrity check value does not match; the session is not trusted", null);
        }
        return new Established(consoleId, open.bmcSessionId(), rakp.sessionKeys(sik));
    }

    private OpenSessionResponse openSession(CipherSuite suite, int consoleId) {
        int tag = RANDOM.nextInt(256);
        byte[] request = RmcpPlusPacket.plain(PayloadType.OPEN_SESSION_REQUEST, new OpenSessionRequest(tag, params.privilege().code(),
                consoleId, suite.authAlgorithm(), suite.integrityAlgorithm(), suite.confidentialityAlgorithm()).encode()).encode();
        OpenSessionResponse response = Exchange.run(transport, params.timeouts(), attempt -> request, datagram -> {
            RmcpPlusPacket p = RmcpPlusPacket.decode(datagram, 0).packet();
            if (p.payloadType() != PayloadType.OPEN_SESSION_RESPONSE) {
                return null;
            }
            OpenSessionResponse r = OpenSessionResponse.decode(p.payload());
            boolean ours = r.consoleSessionId() == consoleId || (r.statusCode() != 0 && r.consoleSessionId() == 0);
            return r.messageTag() == tag && ours ? r : null;
        }, "Open Session Request");
        int status = response.statusCode();
        if (RmcpPlusStatus.isCipherMismatch(status)) {
            throw new UnsupportedCipherSuiteException(bmc, "the BMC does not support cipher suite " + suite.id() + " ("
                    + RmcpPlusStatus.describe(status) + "); configure another suite for this host (3 is the most widely supported)");
        }
        if (RmcpPlusStatus.isCredentialRejection(status)) {
            throw new AuthenticationFailedException(bmc, "the BMC refused privilege " + params.privilege() + " ("
                    + RmcpPlusStatus.describe(status) + "); use a user allowed that level or set ?privilegelevel= in the address");
        }
        if (status != RmcpPlusStatus.NO_ERRORS) {
            throw new BmcProtocolException(bmc, "Open Session refused: " + RmcpPlusStatus.describe(status), null);
        }
        if (response.authAlgorithm() != suite.authAlgorithm() || response.integrityAlgorithm() != suite.integrityAlgorithm()
                || response.confidentialityAlgorithm() != suite.confidentialityAlgorithm()) {
            throw new UnsupportedCipherSuiteException(bmc, "the BMC chose algorithms " + response.authAlgorithm() + "/"
                    + response.integrityAlgorithm() + "/" + response.confidentialityAlgorithm() + " instead of cipher suite " + suite.id());
        }
        return response;
    }

    private Rakp2 rakp12(int bmcSessionId, int consoleId, byte[] rm) {
        int tag = RANDOM.nextInt(256);
        byte[] request = RmcpPlusPacket.plain(PayloadType.RAKP_1, new Rakp1(tag, bmcSessionId, rm, params.role(), params.username()).encode()).encode();
        Rakp2 rakp2 = Exchange.run(transport, params.timeouts(), attempt -> request, datagram -> {
            RmcpPlusPacket p = RmcpPlusPacket.decode(datagram, 0).packet();
            if (p.payloadType() != PayloadType.RAKP_2) {
                return null;
            }
            Rakp2 r = Rakp2.decode(p.payload());
            return r.messageTag() == tag && r.consoleSessionId() == consoleId ? r : null;
        }, "RAKP Message 1");
        if (rakp2.statusCode() != RmcpPlusStatus.NO_ERRORS) {
            if (RmcpPlusStatus.isCredentialRejection(rakp2.statusCode())) {
                throw new AuthenticationFailedException(bmc, "the BMC refused user \"" + params.username() + "\" at privilege "
                        + params.privilege() + " (" + RmcpPlusStatus.describe(rakp2.statusCode()) + "); check the credentials Secret");
            }
            throw new BmcProtocolException(bmc, "RAKP 2 reports " + RmcpPlusStatus.describe(rakp2.statusCode()), null);
        }
        if (rakp2.keyExchangeAuthCode().length != params.suite().keyExchangeCodeLength()) {
            throw new BmcProtocolException(bmc, "RAKP 2 AuthCode is " + rakp2.keyExchangeAuthCode().length + " bytes, expected "
                    + params.suite().keyExchangeCodeLength(), null);
        }
        if (rakp2.bmcRandom().length != 16 || rakp2.bmcGuid().length != 16) {
            throw new BmcProtocolException(bmc, "RAKP 2 lacks the BMC random number or GUID", null);
        }
        return rakp2;
    }

    private Rakp4 rakp34(int bmcSessionId, int consoleId, byte[] authCode) {
        int tag = RANDOM.nextInt(256);
        byte[] request = RmcpPlusPacket.plain(PayloadType.RAKP_3, new Rakp3(tag, 0, bmcSessionId, authCode).encode()).encode();
        Rakp4 rakp4 = Exchange.run(transport, params.timeouts(), attempt -> request, datagram -> {
            RmcpPlusPacket p = RmcpPlusPacket.decode(datagram, 0).packet();
            if (p.payloadType() != PayloadType.RAKP_4) {
                return null;
            }
            Rakp4 r = Rakp4.decode(p.payload());
            return r.messageTag() == tag && r.consoleSessionId() == consoleId ? r : null;
        }, "RAKP Message 3");
        if (rakp4.statusCode() == RmcpPlusStatus.INVALID_INTEGRITY_CHECK) {
            throw new AuthenticationFailedException(bmc, "the BMC rejected our RAKP 3 proof (" + RmcpPlusStatus.describe(rakp4.statusCode())
                    + "); the password for user \"" + params.username() + "\" is probably wrong");
        }
        if (rakp4.statusCode() != RmcpPlusStatus.NO_ERRORS) {
            throw new BmcProtocolException(bmc, "RAKP 4 reports " + RmcpPlusStatus.describe(rakp4.statusCode()), null);
        }
        return rakp4;
    }
}
