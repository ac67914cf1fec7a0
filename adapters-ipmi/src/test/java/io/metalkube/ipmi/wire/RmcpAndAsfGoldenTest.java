package io.metalkube.ipmi.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden bytes for the RMCP header and the ASF presence ping/pong, including malformed input. */
class RmcpAndAsfGoldenTest {

    static final String PING = "0600ff06 000011be 802a0000";
    static final String PONG = "0600ff06 000011be 402a0010 000011be 00000000 8100 000000000000";

    @Test
    void rmcpHeaderForIpmi() {
        WireWriter w = new WireWriter();
        RmcpHeader.ipmi().encode(w);
        assertThat(Hex.of(w.toByteArray())).isEqualTo("0600ff07");
        assertThat(RmcpHeader.decode(new WireReader(Hex.bytes("0600ff07")))).isEqualTo(RmcpHeader.ipmi());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "06", "0600ff", "0500ff07", "0600ff08", "0600ff87"})
    void malformedRmcpHeadersAreRejected(String hex) {
        assertThatThrownBy(() -> RmcpHeader.decode(new WireReader(Hex.bytes(hex)))).isInstanceOf(IpmiDecodeException.class);
    }

    @Test
    void presencePing() {
        assertThat(Hex.of(new AsfPresencePing(0x2a).encode())).isEqualTo(PING.replace(" ", ""));
        assertThat(AsfPresencePing.decode(Hex.bytes(PING))).isEqualTo(new AsfPresencePing(0x2a));
    }

    @Test
    void presencePong() {
        AsfPresencePong pong = new AsfPresencePong(0x2a, 4542, 0, 0x81, 0x00);
        assertThat(Hex.of(pong.encode())).isEqualTo(PONG.replace(" ", ""));
        AsfPresencePong decoded = AsfPresencePong.decode(Hex.bytes(PONG));
        assertThat(decoded).isEqualTo(pong);
        assertThat(decoded.ipmiSupported()).isTrue();
        assertThat(new AsfPresencePong(1, 4542, 0, 0x01, 0).ipmiSupported()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0600ff06 000011be 402a00",                          // truncated header
            "0600ff06 000011be 402a0010 000011be",               // truncated data
            "0600ff06 000011be 402a0008 000011be 00000000",      // data length too small
            "0600ff06 000011bf 402a0010 000011be 00000000 8100 000000000000", // wrong IANA
            "0600ff06 000011be 802a0000",                        // a ping, not a pong
            "0600ff07 000011be 402a0010 000011be 00000000 8100 000000000000"  // RMCP class IPMI
    })
    void malformedPongsAreRejected(String hex) {
        assertThatThrownBy(() -> AsfPresencePong.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0600ff06 000011be 802a00", "0600ff06 000011be 802a0001 00", "0600ff06 000011be 402a0000"})
    void malformedPingsAreRejected(String hex) {
        assertThatThrownBy(() -> AsfPresencePing.decode(Hex.bytes(hex))).isInstanceOf(IpmiDecodeException.class);
    }
}
