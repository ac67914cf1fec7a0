package io.metalkube.redfish.wire;

import java.util.List;

/**
 * A ComputerSystem (schema ComputerSystem v1_x, DSP0266 §9): identity, power, boot override, summaries and the
 * links the back-end follows. Managers come from {@code Links.ManagedBy}, or {@code Links.Managers} on hardware
 * that uses that name instead (sushy commit dccdade, redfish.md §2).
 *
 * @param odataId         the resource's own URI
 * @param memoryGiB       {@code MemorySummary.TotalSystemMemoryGiB}, null when not reported
 * @param reset           {@code #ComputerSystem.Reset} with its ResetType values, null when the system has none
 */
public record ComputerSystem(String odataId, String id, String name, String manufacturer, String model, String serialNumber,
                             String sku, String biosVersion, String hostName, PowerState powerState, Boot boot,
                             Double memoryGiB, ProcessorSummary processorSummary, String processors, String memory,
                             String ethernetInterfaces, String simpleStorage, String storage, String virtualMedia,
                             List<String> managers, Action reset, String etag) {

    public ComputerSystem {
        managers = List.copyOf(managers);
    }

    /** ProcessorSummary: sockets, logical processors and the model, the fall-back when Processors cannot be read. */
    public record ProcessorSummary(Long count, Long logicalProcessors, String model) {
    }

    public static ComputerSystem decode(byte[] body) {
        Fields f = Fields.parse(body, "ComputerSystem");
        String type = f.text("@odata.type");
        if (type != null && !type.contains("ComputerSystem")) {
            throw new RedfishDecodeException("expected a ComputerSystem, found a resource of type " + type);
        }
        Fields links = f.object("Links");
        List<String> managers = List.of();
        if (links != null) {
            managers = links.links("ManagedBy");
            if (managers.isEmpty()) {
                managers = links.links("Managers");
            }
        }
        Fields memory = f.object("MemorySummary");
        Fields cpu = f.object("ProcessorSummary");
        return new ComputerSystem(f.text("@odata.id"), f.text("Id"), f.text("Name"), f.text("Manufacturer"), f.text("Model"),
                f.text("SerialNumber"), f.text("SKU"), f.text("BiosVersion"), f.text("HostName"),
                PowerState.fromWire(f.text("PowerState"), f.where()), Boot.read(f),
                memory == null ? null : memory.number("TotalSystemMemoryGiB"),
                cpu == null ? null : new ProcessorSummary(cpu.integer("Count"), cpu.integer("LogicalProcessorCount"), cpu.text("Model")),
                f.link("Processors"), f.link("Memory"), f.link("EthernetInterfaces"), f.link("SimpleStorage"), f.link("Storage"),
                f.link("VirtualMedia"), managers, Action.read(f, "#ComputerSystem.Reset", "ResetType"), f.text("@odata.etag"));
    }
}
