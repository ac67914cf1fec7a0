package io.metalkube.ipmi.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.function.Consumer;

/**
 * Decoding arbitrary bytes (a hostile or broken BMC, a stray datagram) either succeeds or raises
 * {@link IpmiDecodeException}; never an index, arithmetic or null-pointer error.
 */
class DecodeRandomBytesPropertyTest {

    private static final List<Consumer<byte[]>> DECODERS = List.of(
            b -> RmcpHeader.decode(new WireReader(b)),
            AsfPresencePing::decode,
            AsfPresencePong::decode,
            IpmiRequest::decode,
            IpmiResponse::decode,
            Ipmi15Packet::decode,
            b -> RmcpPlusPacket.decode(b, 0),
            b -> RmcpPlusPacket.decode(b, 12),
            b -> RmcpPlusPacket.decode(b, 16),
            OpenSessionRequest::decode,
            OpenSessionResponse::decode,
            Rakp1::decode,
            Rakp2::decode,
            Rakp3::decode,
            Rakp4::decode,
            b -> io.metalkube.ipmi.command.FruInventory.parse(b),
            b -> new io.metalkube.ipmi.command.GetChannelAuthCapabilities(4).parseResponse(b),
            b -> new io.metalkube.ipmi.command.GetDeviceId().parseResponse(b),
            b -> new io.metalkube.ipmi.command.GetChassisStatus().parseResponse(b),
            b -> new io.metalkube.ipmi.command.GetBootFlags().parseResponse(b),
            b -> new io.metalkube.ipmi.command.ReadFruData(0, 0, 32).parseResponse(b));

    @Property(tries = 3000)
    void randomBytesOnlyEverRaiseIpmiDecodeException(@ForAll("datagrams") byte[] bytes) {
        for (Consumer<byte[]> decoder : DECODERS) {
            try {
                decoder.accept(bytes);
            } catch (IpmiDecodeException expected) {
                // the one allowed failure
            }
        }
    }

    /** Random bytes, half of them behind a valid RMCP header so the decoders get past the first check. */
    @Provide
    Arbitrary<byte[]> datagrams() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> rmcp = raw.map(tail -> {
            byte[] b = new byte[tail.length + 5];
            b[0] = 0x06;
            b[2] = (byte) 0xff;
            b[3] = (byte) (tail.length % 2 == 0 ? 0x07 : 0x06);
            b[4] = (byte) (tail.length % 3 == 0 ? 0x00 : 0x06);
            System.arraycopy(tail, 0, b, 5, tail.length);
            return b;
        });
        return Arbitraries.oneOf(raw, rmcp);
    }
}
