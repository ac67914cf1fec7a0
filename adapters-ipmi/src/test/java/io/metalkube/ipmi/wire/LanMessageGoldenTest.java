package io.metalkube.ipmi.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden bytes for IPMI LAN request/response framing (two checksums) and the v1.5 session wrapper. */
class LanMessageGoldenTest {

    /** Get Channel Authentication Capabilities, channel 0Eh with the v2.0 bit, ADMINISTRATOR. */
    static final String AUTH_CAPS_REQUEST = "2018c8 8100388e04 b5";
    static final String AUTH_CAPS_REQUEST_PACKET = "0600ff07 00 00000000 00000000 09 2018c88100388e04b5";
    static final String AUTH_CAPS_RESPONSE = "811c63 20003800 0197040300000000 09";
    static final String AUTH_CAPS_RESPONSE_PACKET = "0600ff07 00 00000000 00000000 10 811c6320003800019704030000000009";

    @Test
    void requestWithBothChecksums() {
        IpmiRequest request = IpmiRequest.toBmc(0x06, 0x38, 0, new byte[]{(byte) 0x8e, 0x04});
        assertThat(Hex.of(request.encode())).isEqualTo(AUTH_CAPS_REQUEST.replace(" ", ""));
        assertThat(IpmiRequest.decode(Hex.bytes(AUTH_CAPS_REQUEST))).isEqualTo(request);
    }

    @Test
    void requestSequenceNumberSitsInTheUpperSixBits() {
        assertThat(Hex.of(IpmiRequest.toBmc(0x06, 0x01, 5, null).encode())).isEqualTo("2018c88114016a");
    }

    @Test
    void responseWithBothChecksums() {
        IpmiResponse response = IpmiResponse.decode(Hex.bytes(AUTH_CAPS_RESPONSE));
        assertThat(response.netFn()).isEqualTo(0x07);
        assertThat(response.command()).isEqualTo(0x38);
        assertThat(response.completionCode()).isZero();
        assertThat(Hex.of(response.data())).isEqualTo("0197040300000000");
        assertThat(response.answers(IpmiRequest.toBmc(0x06, 0x38, 0, null))).isTrue();
        assertThat(response.answers(IpmiRequest.toBmc(0x06, 0x38, 1, null))).isFalse();
        assertThat(Hex.of(response.encode())).isEqualTo(AUTH_CAPS_RESPONSE.replace(" ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "2018c8810038",         // too short
            "2018c9 8100388e04 b5", // checksum 1 wrong
            "2018c8 8100388e04 b6"  // checksum 2 wrong
    })
    void malformedRequestsAreRejected(String hex) {
        assertThatThrownBy(() -> IpmiRequest.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "811c632000380001", "811c64 20003800 0197040300000000 09", "811c63 20003800 0197040300000000 0a"})
    void malformedResponsesAreRejected(String hex) {
        assertThatThrownBy(() -> IpmiResponse.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void v15SessionlessPacket() {
        Ipmi15Packet packet = Ipmi15Packet.sessionless(Hex.bytes(AUTH_CAPS_REQUEST));
        assertThat(Hex.of(packet.encode())).isEqualTo(AUTH_CAPS_REQUEST_PACKET.replace(" ", ""));
        Ipmi15Packet response = Ipmi15Packet.decode(Hex.bytes(AUTH_CAPS_RESPONSE_PACKET));
        assertThat(Hex.of(response.message())).isEqualTo(AUTH_CAPS_RESPONSE.replace(" ", ""));
        assertThat(response.authType()).isEqualTo(Ipmi15Packet.AUTH_NONE);
    }

    @Test
    void v15PacketWithAuthCodeAndLegacyPad() {
        String hex = "0600ff07 02 01000000 04030201 " + "11".repeat(16) + " 02 abcd 00";
        Ipmi15Packet p = Ipmi15Packet.decode(Hex.bytes(hex));
        assertThat(p.authType()).isEqualTo(2);
        assertThat(p.sequence()).isEqualTo(1);
        assertThat(p.sessionId()).isEqualTo(0x01020304);
        assertThat(Hex.of(p.message())).isEqualTo("abcd");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0600ff07 00 00000000 00000000",                        // no length
            "0600ff07 00 00000000 00000000 09 2018c8",              // message truncated
            "0600ff07 06 00000000 00000000 09",                     // an RMCP+ packet
            "0600ff07 09 00000000 00000000 00",                     // unknown auth type
            "0600ff07 02 01000000 04030201 1111",                   // auth code truncated
            "0600ff06 00 00000000 00000000 00"                      // ASF class
    })
    void malformedV15PacketsAreRejected(String hex) {
        assertThatThrownBy(() -> Ipmi15Packet.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }
}
