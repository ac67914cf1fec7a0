package io.metalkube.ipmi.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden bytes for the RMCP+ session header and trailer, Open Session and RAKP 1-4. */
class RmcpPlusGoldenTest {

    static final String OPEN_REQUEST = "01040000 a3a2a1a0 0000000801000000 0100000801000000 0200000801000000";
    static final String OPEN_REQUEST_PACKET = "0600ff07 06 10 00000000 00000000 2000 " + OPEN_REQUEST;
    static final String OPEN_RESPONSE = "01000400 a3a2a1a0 44332211 0000000801000000 0100000801000000 0200000801000000";
    static final String RAKP1 = "02000000 44332211 000102030405060708090a0b0c0d0e0f 14 0000 05 61646d696e";
    static final String RAKP2 = "02000000 a3a2a1a0 101112131415161718191a1b1c1d1e1f 202122232425262728292a2b2c2d2e2f "
            + "aa".repeat(20);
    static final String RAKP3 = "03000000 44332211 " + "bb".repeat(20);
    static final String RAKP4 = "03000000 a3a2a1a0 " + "cc".repeat(12);
    /** Authenticated IPMI payload of 5 bytes: one FFh pad byte brings auth type..next header to 20 bytes. */
    static final String SIGNED = "06 40 44332211 07000000 0500 0102030405 ff 01 07";
    static final String AUTHENTICATED_PACKET = "0600ff07 " + SIGNED + " " + "ee".repeat(12);

    static byte[] range(int from) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    static byte[] filled(int value, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void openSessionRequest() {
        OpenSessionRequest request = new OpenSessionRequest(1, 4, 0xa0a1a2a3, 1, 1, 1);
        assertThat(Hex.of(request.encode())).isEqualTo(OPEN_REQUEST.replace(" ", ""));
        assertThat(OpenSessionRequest.decode(Hex.bytes(OPEN_REQUEST))).isEqualTo(request);
        assertThat(Hex.of(RmcpPlusPacket.plain(PayloadType.OPEN_SESSION_REQUEST, request.encode()).encode()))
                .isEqualTo(OPEN_REQUEST_PACKET.replace(" ", ""));
    }

    @Test
    void openSessionResponse() {
        OpenSessionResponse response = new OpenSessionResponse(1, 0, 4, 0xa0a1a2a3, 0x11223344, 1, 1, 1);
        assertThat(OpenSessionResponse.decode(Hex.bytes(OPEN_RESPONSE))).isEqualTo(response);
        assertThat(Hex.of(response.encode())).isEqualTo(OPEN_RESPONSE.replace(" ", ""));
    }

    @Test
    void openSessionErrorResponseMayStopAfterTheConsoleId() {
        OpenSessionResponse r = OpenSessionResponse.decode(Hex.bytes("01110000 a3a2a1a0"));
        assertThat(r.statusCode()).isEqualTo(0x11);
        assertThat(RmcpPlusStatus.isCipherMismatch(r.statusCode())).isTrue();
        assertThat(r.bmcSessionId()).isZero();
        OpenSessionResponse shortest = OpenSessionResponse.decode(Hex.bytes("0104"));
        assertThat(shortest.statusCode()).isEqualTo(0x04);
        assertThat(shortest.consoleSessionId()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "01000400 a3a2a1a0",                                           // success but truncated
            "01000400 a3a2a1a0 44332211 0000000801000000 0100000801",      // truncated algorithm
            "01000400 a3a2a1a0 44332211 0100000801000000 0100000801000000 0200000801000000", // wrong record order
            "01000400 a3a2a1a0 44332211 0000000401000000 0100000801000000 0200000801000000"  // wrong record length
    })
    void malformedOpenSessionResponsesAreRejected(String hex) {
        assertThatThrownBy(() -> OpenSessionResponse.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void rakpMessages() {
        Rakp1 rakp1 = new Rakp1(2, 0x11223344, range(0), 0x14, "admin");
        assertThat(Hex.of(rakp1.encode())).isEqualTo(RAKP1.replace(" ", ""));
        Rakp1 decoded1 = Rakp1.decode(Hex.bytes(RAKP1));
        assertThat(decoded1.username()).isEqualTo("admin");
        assertThat(decoded1.role()).isEqualTo(0x14);
        assertThat(decoded1.consoleRandom()).isEqualTo(range(0));

        Rakp2 rakp2 = Rakp2.decode(Hex.bytes(RAKP2));
        assertThat(rakp2.consoleSessionId()).isEqualTo(0xa0a1a2a3);
        assertThat(rakp2.bmcRandom()).isEqualTo(range(0x10));
        assertThat(rakp2.bmcGuid()).isEqualTo(range(0x20));
        assertThat(rakp2.keyExchangeAuthCode()).isEqualTo(filled(0xaa, 20));
        assertThat(Hex.of(rakp2.encode())).isEqualTo(RAKP2.replace(" ", ""));

        Rakp3 rakp3 = new Rakp3(3, 0, 0x11223344, filled(0xbb, 20));
        assertThat(Hex.of(rakp3.encode())).isEqualTo(RAKP3.replace(" ", ""));
        assertThat(Rakp3.decode(Hex.bytes(RAKP3)).bmcSessionId()).isEqualTo(0x11223344);

        Rakp4 rakp4 = Rakp4.decode(Hex.bytes(RAKP4));
        assertThat(rakp4.integrityCheckValue()).isEqualTo(filled(0xcc, 12));
        assertThat(Hex.of(rakp4.encode())).isEqualTo(RAKP4.replace(" ", ""));
    }

    @Test
    void rakp2WithAnErrorStatusMayBeShort() {
        Rakp2 r = Rakp2.decode(Hex.bytes("020d0000 a3a2a1a0"));
        assertThat(r.statusCode()).isEqualTo(RmcpPlusStatus.UNAUTHORIZED_NAME);
        assertThat(RmcpPlusStatus.isCredentialRejection(r.statusCode())).isTrue();
        assertThat(RmcpPlusStatus.describe(r.statusCode())).isEqualTo("unauthorized name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0200", "02000000 a3a2a1", "02000000 a3a2a1a0 1011", "02000000 a3a2a1a0 10101010101010101010101010101010 1010"})
    void truncatedRakp2IsRejected(String hex) {
        assertThatThrownBy(() -> Rakp2.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02000000 44332211", "02000000 44332211 000102030405060708090a0b0c0d0e0f 14 0000 11",
            "02000000 44332211 000102030405060708090a0b0c0d0e0f 14 0000 05 6164"})
    void malformedRakp1IsRejected(String hex) {
        assertThatThrownBy(() -> Rakp1.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void truncatedRakp3AndRakp4AreRejected() {
        assertThatThrownBy(() -> Rakp3.decode(Hex.bytes("030000"))).isInstanceOf(IpmiDecodeException.class);
        assertThatThrownBy(() -> Rakp4.decode(Hex.bytes("03000000 a3a2"))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void authenticatedPacketHasPadPadLengthNextHeaderAndAuthCode() {
        RmcpPlusPacket packet = new RmcpPlusPacket(PayloadType.IPMI_MESSAGE, false, true, 0x11223344, 7, Hex.bytes("0102030405"));
        byte[][] seen = new byte[1][];
        byte[] encoded = packet.encode(signed -> {
            seen[0] = signed;
            return filled(0xee, 12);
        });
        assertThat(Hex.of(seen[0])).isEqualTo(SIGNED.replace(" ", ""));
        assertThat(Hex.of(encoded)).isEqualTo(AUTHENTICATED_PACKET.replace(" ", ""));

        RmcpPlusPacket.Received received = RmcpPlusPacket.decode(encoded, 12);
        assertThat(received.packet()).isEqualTo(packet);
        assertThat(Hex.of(received.signedBytes())).isEqualTo(SIGNED.replace(" ", ""));
        assertThat(received.authCode()).isEqualTo(filled(0xee, 12));
    }

    @Test
    void encryptedFlagRoundTrips() {
        RmcpPlusPacket packet = new RmcpPlusPacket(PayloadType.IPMI_MESSAGE, true, false, 5, 9, filled(1, 32));
        byte[] encoded = packet.encode();
        assertThat(encoded[5] & 0xff).isEqualTo(0x80);
        assertThat(RmcpPlusPacket.decode(encoded, 0).packet()).isEqualTo(packet);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0600ff07 06 40 44332211 07000000 0500 0102030405 ff 01 07 eeee",            // AuthCode truncated
            "0600ff07 06 40 44332211 07000000 0500 0102030405 ff 02 07 eeeeeeeeeeeeeeeeeeeeeeee", // pad length lies
            "0600ff07 06 40 44332211 07000000 0500 0102030405 ff 01 08 eeeeeeeeeeeeeeeeeeeeeeee", // next header
            "0600ff07 06 00 44332211 07000000 0900 0102030405",                          // payload truncated
            "0600ff07 06 02 44332211 07000000 0000",                                     // OEM payload type
            "0600ff07 06 3f 44332211 07000000 0000",                                     // unknown payload type
            "0600ff07 00 00 44332211 07000000 0000",                                     // v1.5 auth type
            "0600ff07 06 00 44332211 0700"                                               // header truncated
    })
    void malformedRmcpPlusPacketsAreRejected(String hex) {
        assertThatThrownBy(() -> RmcpPlusPacket.decode(Hex.bytes(hex), 12)).isInstanceOf(IpmiDecodeException.class);
    }
}
