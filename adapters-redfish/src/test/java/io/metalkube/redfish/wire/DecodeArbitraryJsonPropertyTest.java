package io.metalkube.redfish.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whatever a BMC sends, decoding either yields a record or raises {@link RedfishDecodeException}: never a
 * NullPointerException, ClassCastException or a Jackson exception. Documents are generated from Redfish property
 * names (so the decoders' deep paths are reached with values of every JSON type) and from arbitrary text.
 */
class DecodeArbitraryJsonPropertyTest {

    static final List<Function<byte[], ?>> DECODERS = List.of(ServiceRoot::decode, b -> ResourceCollection.decode(b, "collection"),
            SessionService::decode, ComputerSystem::decode, Manager::decode, Processor::decode, EthernetInterface::decode,
            SimpleStorage::decode, Storage::decode, Drive::decode, Memory::decode, VirtualMedia::decode, RedfishError::decode, Task::decode);

    static final List<String> KEYS = List.of("@odata.id", "@odata.type", "@odata.etag", "Id", "Name", "Members", "Members@odata.nextLink",
            "Links", "ManagedBy", "Managers", "Sessions", "SessionService", "Systems", "Actions", "#ComputerSystem.Reset", "#VirtualMedia.InsertMedia",
            "#VirtualMedia.EjectMedia", "target", "ResetType@Redfish.AllowableValues", "Boot", "BootSourceOverrideTarget",
            "BootSourceOverrideTarget@Redfish.AllowableValues", "PowerState", "MemorySummary", "TotalSystemMemoryGiB", "ProcessorSummary",
            "Count", "LogicalProcessorCount", "Status", "State", "IPv4Addresses", "Address", "MACAddress", "SpeedMbps", "Devices",
            "CapacityBytes", "CapacityMiB", "Drives", "MediaTypes", "Image", "Inserted", "error", "@Message.ExtendedInfo", "Message",
            "MessageId", "code", "message", "SessionTimeout", "TotalThreads", "MaxSpeedMHz", "TaskState", "PercentComplete", "VirtualMedia");

    @Property(tries = 400)
    void redfishShapedDocumentsDecodeOrFailWithTheAdaptersException(@ForAll("documents") String json) {
        decodeWithEveryDecoder(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void arbitraryTextDecodesOrFailsWithTheAdaptersException(@ForAll String text) {
        decodeWithEveryDecoder(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void arbitraryBytesDecodeOrFailWithTheAdaptersException(@ForAll byte[] bytes) {
        decodeWithEveryDecoder(bytes);
    }

    private static void decodeWithEveryDecoder(byte[] body) {
        for (Function<byte[], ?> decoder : DECODERS) {
            try {
                decoder.apply(body);
            } catch (RedfishDecodeException expected) {
                // the one allowed failure
            } catch (RuntimeException e) {
                throw new AssertionError("decoder threw " + e + " for " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return object(3);
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(DecodeArbitraryJsonPropertyTest::quote),
                Arbitraries.of("\"On\"", "\"Off\"", "\"PoweringOn\"", "\"CD\"", "\"Absent\"", "\"/redfish/v1/Systems/1\"", "\"CPU\"", "\"Virtual\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.of("true", "false", "null", "1e400", "-0", "99999999999999999999999"));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, scalar),
                net.jqwik.api.Tuple.of(2, object(depth - 1)),
                net.jqwik.api.Tuple.of(2, value(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")));
    }

    private Arbitrary<String> object(int depth) {
        Arbitrary<String> key = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
        return Arbitraries.maps(key, value(depth)).ofMaxSize(6).map(DecodeArbitraryJsonPropertyTest::render);
    }

    private static String render(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
