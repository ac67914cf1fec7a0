package io.metalkube.ironic.ops;

import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.ironic.wire.NodeJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ironic's inspection results → {@link HardwareDetails}: the node's {@code properties} (cpus, cpu_arch, memory_mb,
 * local_gb, vendor) and, when present, the IPA inventory from {@code GET /v1/nodes/{id}/inventory}
 * ({@code inventory.cpu/memory/interfaces/disks/system_vendor}), which wins where both say something.
 */
final class HardwareMapper {

    private HardwareMapper() {
    }

    static HardwareDetails details(NodeJson node, Map<?, ?> inventoryDocument, String bootMac) {
        Map<?, ?> inv = map(inventoryDocument.get("inventory"));
        Map<String, Object> props = node.properties();

        Map<?, ?> cpuInv = map(inv.get("cpu"));
        String arch = str(cpuInv.get("architecture"), str(props.get("cpu_arch"), null));
        Integer count = integer(cpuInv.get("count"), integer(props.get("cpus"), null));
        String model = str(cpuInv.get("model_name"), null);
        Double clock = number(cpuInv.get("frequency"));
        HardwareDetails.Cpu cpu = arch == null && count == null && model == null ? null : new HardwareDetails.Cpu(arch, model, clock, count);

        Integer ram = integer(map(inv.get("memory")).get("physical_mb"), integer(props.get("memory_mb"), null));

        Map<?, ?> vendorInv = map(inv.get("system_vendor"));
        String manufacturer = str(vendorInv.get("manufacturer"), str(props.get("vendor"), null));
        HardwareDetails.SystemVendor vendor = manufacturer == null && vendorInv.isEmpty() ? null
                : new HardwareDetails.SystemVendor(manufacturer, str(vendorInv.get("product_name"), null), str(vendorInv.get("serial_number"), null));

        Map<?, ?> fw = map(vendorInv.get("firmware"));
        HardwareDetails.Firmware firmware = fw.isEmpty() ? null : new HardwareDetails.Firmware(
                new HardwareDetails.Bios(str(fw.get("build_date"), null), str(fw.get("vendor"), null), str(fw.get("version"), null)), null);

        List<HardwareDetails.Nic> nics = new ArrayList<>();
        for (Object o : list(inv.get("interfaces"))) {
            Map<?, ?> n = map(o);
            String mac = str(n.get("mac_address"), null);
            Integer mbps = integer(n.get("speed_mbps"), null);
            nics.add(new HardwareDetails.Nic(str(n.get("name"), null), str(n.get("product"), null), mac,
                    str(n.get("ipv4_address"), str(n.get("ipv6_address"), null)), mbps == null ? null : mbps / 1000,
                    mac != null && mac.equalsIgnoreCase(bootMac)));
        }

        List<HardwareDetails.Storage> storage = new ArrayList<>();
        for (Object o : list(inv.get("disks"))) {
            Map<?, ?> d = map(o);
            Object rotational = d.get("rotational");
            storage.add(new HardwareDetails.Storage(str(d.get("name"), null), Boolean.TRUE.equals(rotational) ? "HDD" : "SSD",
                    longValue(d.get("size")), str(d.get("vendor"), null), str(d.get("model"), null), str(d.get("serial"), null),
                    rotational instanceof Boolean b ? b : null));
        }
        Integer localGb = integer(props.get("local_gb"), null);
        if (storage.isEmpty() && localGb != null && localGb > 0) {
            storage.add(new HardwareDetails.Storage("root", null, localGb * 1024L * 1024L * 1024L, null, null, null, null));
        }
        return new HardwareDetails(vendor, firmware, ram, nics, storage, cpu, str(inv.get("hostname"), null));
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Object o, String fallback) {
        return o == null || o.toString().isBlank() ? fallback : o.toString();
    }

    private static Integer integer(Object o, Integer fallback) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o == null) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(o.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long longValue(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? null : Long.parseLong(o.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return o == null ? null : Double.parseDouble(o.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
