package io.metalkube.redfish.wire;

/**
 * A Processor (schema Processor). {@code state} is {@code Status.State}; the mockup's empty socket is "Absent",
 * and an FPGA has {@code ProcessorType} "FPGA" — neither counts as a CPU.
 */
public record Processor(String id, String processorType, String instructionSet, String architecture, String model,
                        Long maxSpeedMHz, Long totalThreads, Long totalCores, String state) {

    public static Processor decode(byte[] body) {
        Fields f = Fields.parse(body, "Processor");
        return new Processor(f.text("Id"), f.text("ProcessorType"), f.text("InstructionSet"), f.text("ProcessorArchitecture"),
                f.text("Model"), f.integer("MaxSpeedMHz"), f.integer("TotalThreads"), f.integer("TotalCores"), Status.state(f));
    }

    /** A present general-purpose CPU (a missing ProcessorType is taken as CPU). */
    public boolean isPresentCpu() {
        return (processorType == null || processorType.equalsIgnoreCase("CPU")) && !"Absent".equalsIgnoreCase(state);
    }
}
