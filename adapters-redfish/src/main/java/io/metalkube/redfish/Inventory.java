package io.metalkube.redfish;

import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.redfish.command.Members;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.transport.HttpExchange;
import io.metalkube.redfish.wire.ComputerSystem;
import io.metalkube.redfish.wire.Drive;
import io.metalkube.redfish.wire.EthernetInterface;
import io.metalkube.redfish.wire.Manager;
import io.metalkube.redfish.wire.Memory;
import io.metalkube.redfish.wire.Processor;
import io.metalkube.redfish.wire.SimpleStorage;
import io.metalkube.redfish.wire.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Out-of-band inventory into metal3's {@code status.hardware} (redfish.md §6, the sources Ironic's redfish inspect
 * uses): System identity and BIOS version, the Manager's firmware, CPUs from Processors (threads of present CPUs;
 * ProcessorSummary when Processors is not implemented), RAM from MemorySummary (or the Memory modules), NICs from
 * EthernetInterfaces (VLANs and disabled ports left out, MACs lower-cased as Ironic does), disks from Storage/Drives
 * or else SimpleStorage. Sub-resources a BMC does not implement (404/501, as sushy-tools' fake driver) stay unknown.
 */
final class Inventory {

    private Inventory() {
    }

    static HardwareDetails read(RedfishSession s, ComputerSystem sys) {
        return new HardwareDetails(vendor(sys), firmware(s, sys), ram(s, sys), nics(s, sys), storage(s, sys), cpu(s, sys), sys.hostName());
    }

    private static HardwareDetails.SystemVendor vendor(ComputerSystem sys) {
        // iDRAC reports the service tag in SKU; Ironic's idrac inspect uses it as the serial (6205f009).
        boolean dell = sys.manufacturer() != null && sys.manufacturer().toLowerCase(Locale.ROOT).contains("dell");
        String serial = dell && sys.sku() != null && !sys.sku().isBlank() ? sys.sku() : sys.serialNumber();
        if (sys.manufacturer() == null && sys.model() == null && serial == null) {
            return null;
        }
        return new HardwareDetails.SystemVendor(sys.manufacturer(), sys.model(), serial);
    }

    private static HardwareDetails.Firmware firmware(RedfishSession s, ComputerSystem sys) {
        String bmc = null;
        for (String manager : sys.managers()) {
            HttpExchange e = s.getOptional(manager);
            if (e != null) {
                bmc = Manager.decode(e.body()).firmwareVersion();
                break;
            }
        }
        HardwareDetails.Bios bios = sys.biosVersion() == null ? null : new HardwareDetails.Bios(null, null, sys.biosVersion());
        return bios == null && bmc == null ? null : new HardwareDetails.Firmware(bios, bmc);
    }

    private static Integer ram(RedfishSession s, ComputerSystem sys) {
        if (sys.memoryGiB() != null) {
            return (int) Math.round(sys.memoryGiB() * 1024);
        }
        long mib = 0;
        for (String m : Members.ofOptional(s, sys.memory(), "Memory collection")) {
            HttpExchange e = s.getOptional(m);
            Memory module = e == null ? null : Memory.decode(e.body());
            if (module != null && module.isPresent() && module.capacityMiB() != null) {
                mib += module.capacityMiB();
            }
        }
        return mib == 0 ? null : (int) Math.min(Integer.MAX_VALUE, mib);
    }

    private static HardwareDetails.Cpu cpu(RedfishSession s, ComputerSystem sys) {
        List<Processor> cpus = new ArrayList<>();
        for (String p : Members.ofOptional(s, sys.processors(), "Processors collection")) {
            HttpExchange e = s.getOptional(p);
            Processor proc = e == null ? null : Processor.decode(e.body());
            if (proc != null && proc.isPresentCpu()) {
                cpus.add(proc);
            }
        }
        if (cpus.isEmpty()) {
            ComputerSystem.ProcessorSummary summary = sys.processorSummary();
            if (summary == null || summary.model() == null && summary.logicalProcessors() == null) {
                return null;
            }
            return new HardwareDetails.Cpu(null, summary.model(), null,
                    summary.logicalProcessors() == null ? null : summary.logicalProcessors().intValue());
        }
        long threads = 0;
        for (Processor p : cpus) {
            threads += p.totalThreads() != null ? p.totalThreads() : p.totalCores() != null ? p.totalCores() : 1;
        }
        Processor first = cpus.getFirst();
        return new HardwareDetails.Cpu(arch(first), first.model(), first.maxSpeedMHz() == null ? null : first.maxSpeedMHz().doubleValue(),
                (int) Math.min(Integer.MAX_VALUE, threads));
    }

    /** InstructionSet as Ironic master maps it, else ProcessorArchitecture as Ironic 21.4 did. */
    static String arch(Processor p) {
        if (p.instructionSet() != null) {
            return switch (p.instructionSet()) {
                case "x86-64" -> "x86_64";
                case "x86" -> "i686";
                case "ARM-A64" -> "aarch64";
                case "ARM-A32" -> "armv7l";
                case "PowerISA" -> "ppc64le";
                case "MIPS64" -> "mips64";
                default -> p.instructionSet();
            };
        }
        if (p.architecture() != null) {
            return switch (p.architecture()) {
                case "x86" -> "x86_64";
                case "ARM" -> "aarch64";
                case "Power" -> "ppc64le";
                default -> p.architecture();
            };
        }
        return null;
    }

    private static List<HardwareDetails.Nic> nics(RedfishSession s, ComputerSystem sys) {
        List<HardwareDetails.Nic> out = new ArrayList<>();
        for (String uri : Members.ofOptional(s, sys.ethernetInterfaces(), "EthernetInterfaces collection")) {
            HttpExchange e = s.getOptional(uri);
            EthernetInterface nic = e == null ? null : EthernetInterface.decode(e.body());
            if (nic != null && nic.isReportable()) {
                out.add(new HardwareDetails.Nic(nic.id(), null, nic.macAddress().toLowerCase(Locale.ROOT),
                        nic.ipv4Addresses().isEmpty() ? null : nic.ipv4Addresses().getFirst(),
                        nic.speedMbps() == null ? null : (int) (nic.speedMbps() / 1000), null));
            }
        }
        return out;
    }

    private static List<HardwareDetails.Storage> storage(RedfishSession s, ComputerSystem sys) {
        List<HardwareDetails.Storage> out = new ArrayList<>();
        for (String uri : Members.ofOptional(s, sys.storage(), "Storage collection")) {
            HttpExchange e = s.getOptional(uri);
            if (e == null) {
                continue;
            }
            for (String d : Storage.decode(e.body()).drives()) {
                HttpExchange de = s.getOptional(d);
                Drive drive = de == null ? null : Drive.decode(de.body());
                if (drive != null && drive.isPresent()) {
                    boolean hdd = "HDD".equalsIgnoreCase(drive.mediaType());
                    String type = hdd ? "HDD" : "NVMe".equalsIgnoreCase(drive.protocol()) ? "NVME" : drive.mediaType() == null ? null : "SSD";
                    out.add(new HardwareDetails.Storage(drive.name() != null ? drive.name() : drive.id(), type, drive.capacityBytes(),
                            drive.manufacturer(), drive.model(), drive.serialNumber(), drive.mediaType() == null ? null : hdd));
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (String uri : Members.ofOptional(s, sys.simpleStorage(), "SimpleStorage collection")) {
            HttpExchange e = s.getOptional(uri);
            if (e == null) {
                continue;
            }
            for (SimpleStorage.Device d : SimpleStorage.decode(e.body()).devices()) {
                if (d.isPresent()) {
                    out.add(new HardwareDetails.Storage(d.name(), null, d.capacityBytes(), d.manufacturer(), d.model(), null, null));
                }
            }
        }
        return out;
    }
}
