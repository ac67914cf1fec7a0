package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One hardware type as {@code GET /v1/drivers/{name}?detail=true} returns it (Ironic API reference, "Drivers",
 * API ≥ 1.30): the interfaces this Ironic enables for it. {@code enabled_firmware_interfaces} only appears from 1.86.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverJson(
        @JsonProperty("name") String name,
        @JsonProperty("enabled_bios_interfaces") List<String> bios,
        @JsonProperty("enabled_boot_interfaces") List<String> boot,
        @JsonProperty("enabled_deploy_interfaces") List<String> deploy,
        @JsonProperty("enabled_firmware_interfaces") List<String> firmware,
        @JsonProperty("enabled_inspect_interfaces") List<String> inspect,
        @JsonProperty("enabled_management_interfaces") List<String> management,
        @JsonProperty("enabled_power_interfaces") List<String> power,
        @JsonProperty("enabled_raid_interfaces") List<String> raid,
        @JsonProperty("enabled_vendor_interfaces") List<String> vendor) {

    /** The enabled implementations of one interface kind ("boot", "power", ...); empty when Ironic lists none. */
    public List<String> enabled(String kind) {
        List<String> list = Map.of("bios", nn(bios), "boot", nn(boot), "deploy", nn(deploy), "firmware", nn(firmware),
                "inspect", nn(inspect), "management", nn(management), "power", nn(power), "raid", nn(raid), "vendor", nn(vendor)).get(kind);
        return list == null ? List.of() : list;
    }

    private static List<String> nn(List<String> l) {
        return l == null ? List.of() : l;
    }
}
