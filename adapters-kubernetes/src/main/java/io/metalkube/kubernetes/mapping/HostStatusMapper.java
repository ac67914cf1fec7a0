package io.metalkube.kubernetes.mapping;

import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationHistory;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.ProvisioningStatus;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.crd.SecretReference;

import java.util.List;

import static io.metalkube.kubernetes.mapping.Wire.emptyToNull;
import static io.metalkube.kubernetes.mapping.Wire.enumOrNull;
import static io.metalkube.kubernetes.mapping.Wire.instant;
import static io.metalkube.kubernetes.mapping.Wire.time;
import static io.metalkube.kubernetes.mapping.Wire.wire;

/**
 * BareMetalHost status (wire) to and from {@link HostStatus} (domain). Lossless for everything the domain
 * models, so that "status changed?" compares like with like. Conditions are derived by {@link HostConditions}.
 */
public final class HostStatusMapper {

    private HostStatusMapper() {
    }

    public static HostStatus toDomain(BareMetalHostStatus s) {
        if (s == null) {
            return HostStatus.initial();
        }
        ProvisioningStatus provisioning = ProvisioningStatus.initial();
        if (s.provisioning != null) {
            provisioning = new ProvisioningStatus(state(s.provisioning.state),
                    s.provisioning.id, HostSpecMapper.image(s.provisioning.image), HostSpecMapper.hints(s.provisioning.rootDeviceHints),
                    enumOrNull(BootMode.class, s.provisioning.bootMode), HostSpecMapper.customDeploy(s.provisioning.customDeploy));
        }
        int errorCount = s.errorCount == null || s.errorCount < 0 ? 0 : s.errorCount;
        return new HostStatus(provisioning, OperationalStatus.fromWire(s.operationalStatus).orElse(null),
                ErrorType.fromWire(s.errorType).orElse(null), s.errorMessage, errorCount, s.poweredOn,
                Wire.field("status.hardware", () -> hardware(s.hardware)), credentials(s.goodCredentials), credentials(s.triedCredentials),
                history(s.operationHistory), instant(s.lastUpdated), instant(s.powerOffSince), Wire.entries(s.servedReboots));
    }

    /**
     * The one status value that is never read leniently: a state we do not know would otherwise read as "new" and
     * re-register the host from scratch (metal3 reports "No handler found for state" and does nothing either).
     */
    private static ProvisioningState state(String wire) {
        if (wire == null) {
            return ProvisioningState.NONE;
        }
        return ProvisioningState.fromWire(wire).orElseThrow(() -> new UnreadableFieldException("status.provisioning.state",
                "\"" + clip(wire) + "\" is not a provisioning state MetalKube knows; set it back to the state the host is in, "
                        + "or delete and re-create the host"));
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The wire status for {@code status}; conditions are left to the caller. */
    public static BareMetalHostStatus toWire(HostStatus status, String namespace) {
        BareMetalHostStatus w = new BareMetalHostStatus();
        w.operationalStatus = wire(status.operationalStatus());
        w.errorType = wire(status.errorType());
        w.errorMessage = status.errorMessage();
        w.errorCount = status.errorCount();
        w.lastUpdated = time(status.lastUpdated());
        w.poweredOn = status.poweredOn();
        ProvisioningStatus p = status.provisioning();
        w.provisioning = new BareMetalHostStatus.Provisioning();
        w.provisioning.state = p.state().wireName();
        w.provisioning.id = p.id();
        w.provisioning.image = HostSpecMapper.image(p.image());
        w.provisioning.rootDeviceHints = HostSpecMapper.hints(p.rootDeviceHints());
        w.provisioning.bootMode = wire(p.bootMode());
        w.provisioning.customDeploy = HostSpecMapper.customDeploy(p.customDeploy());
        w.hardware = hardware(status.hardware());
        w.goodCredentials = credentials(status.goodCredentials(), namespace);
        w.triedCredentials = credentials(status.triedCredentials(), namespace);
        w.operationHistory = history(status.operationHistory());
        w.powerOffSince = time(status.powerOffSince());
        w.servedReboots = status.servedReboots().isEmpty() ? null : status.servedReboots();
        return w;
    }

    private static CredentialsVersion credentials(BareMetalHostStatus.CredentialsStatus c) {
        if (c == null || c.credentials == null || c.credentials.name == null) {
            return null;
        }
        return new CredentialsVersion(c.credentials.name, c.credentialsVersion);
    }

    private static BareMetalHostStatus.CredentialsStatus credentials(CredentialsVersion v, String namespace) {
        if (v == null) {
            return null;
        }
        BareMetalHostStatus.CredentialsStatus c = new BareMetalHostStatus.CredentialsStatus();
        c.credentials = new SecretReference();
        c.credentials.name = v.secretName();
        c.credentials.namespace = namespace;
        c.credentialsVersion = v.version();
        return c;
    }

    private static OperationHistory history(BareMetalHostStatus.OperationHistory h) {
        if (h == null) {
            return OperationHistory.empty();
        }
        return new OperationHistory(span(h.register), span(h.inspect), span(h.provision), span(h.deprovision));
    }

    private static BareMetalHostStatus.OperationHistory history(OperationHistory h) {
        BareMetalHostStatus.OperationHistory w = new BareMetalHostStatus.OperationHistory();
        w.register = span(h.register());
        w.inspect = span(h.inspect());
        w.provision = span(h.provision());
        w.deprovision = span(h.deprovision());
        return w;
    }

    private static OperationHistory.Span span(BareMetalHostStatus.Span s) {
        return s == null ? OperationHistory.Span.NEVER : new OperationHistory.Span(instant(s.start), instant(s.end));
    }

    private static BareMetalHostStatus.Span span(OperationHistory.Span s) {
        if (s.start() == null && s.end() == null) {
            return null;
        }
        BareMetalHostStatus.Span w = new BareMetalHostStatus.Span();
        w.start = time(s.start());
        w.end = time(s.end());
        return w;
    }

    /** metal3's HardwareDetails JSON, as in status.hardware and the inspect.metal3.io/hardwaredetails annotation. */
    static HardwareDetails hardware(BareMetalHostStatus.Hardware h) {
        if (h == null) {
            return null;
        }
        HardwareDetails.SystemVendor vendor = h.systemVendor == null ? null
                : new HardwareDetails.SystemVendor(h.systemVendor.manufacturer, h.systemVendor.productName, h.systemVendor.serialNumber);
        HardwareDetails.Firmware firmware = h.firmware == null ? null
                : new HardwareDetails.Firmware(h.firmware.bios == null ? null
                : new HardwareDetails.Bios(h.firmware.bios.date, h.firmware.bios.vendor, h.firmware.bios.version), h.firmware.bmcVersion);
        List<HardwareDetails.Nic> nics = Wire.entries(h.nics).stream()
                .map(n -> new HardwareDetails.Nic(n.name, n.model, n.mac, n.ip, n.speedGbps, n.pxe)).toList();
        List<HardwareDetails.Storage> storage = Wire.entries(h.storage).stream()
                .map(d -> new HardwareDetails.Storage(d.name, d.type, d.sizeBytes, d.vendor, d.model, d.serialNumber, d.rotational)).toList();
        HardwareDetails.Cpu cpu = h.cpu == null ? null : new HardwareDetails.Cpu(h.cpu.arch, h.cpu.model, h.cpu.clockMegahertz, h.cpu.count);
        return new HardwareDetails(vendor, firmware, h.ramMebibytes, nics, storage, cpu, h.hostname);
    }

    static BareMetalHostStatus.Hardware hardware(HardwareDetails d) {
        if (d == null) {
            return null;
        }
        BareMetalHostStatus.Hardware h = new BareMetalHostStatus.Hardware();
        if (d.systemVendor() != null) {
            h.systemVendor = new BareMetalHostStatus.SystemVendor();
            h.systemVendor.manufacturer = d.systemVendor().manufacturer();
            h.systemVendor.productName = d.systemVendor().productName();
            h.systemVendor.serialNumber = d.systemVendor().serialNumber();
        }
        if (d.firmware() != null) {
            h.firmware = new BareMetalHostStatus.Firmware();
            h.firmware.bmcVersion = d.firmware().bmcVersion();
            if (d.firmware().bios() != null) {
                h.firmware.bios = new BareMetalHostStatus.Bios();
                h.firmware.bios.date = d.firmware().bios().date();
                h.firmware.bios.vendor = d.firmware().bios().vendor();
                h.firmware.bios.version = d.firmware().bios().version();
            }
        }
        h.ramMebibytes = d.ramMebibytes();
        h.nics = d.nics().stream().map(n -> {
            BareMetalHostStatus.Nic w = new BareMetalHostStatus.Nic();
            w.name = n.name();
            w.model = n.model();
            w.mac = n.mac();
            w.ip = n.ip();
            w.speedGbps = n.speedGbps();
            w.pxe = n.pxe();
            return w;
        }).toList();
        h.storage = d.storage().stream().map(s -> {
            BareMetalHostStatus.Storage w = new BareMetalHostStatus.Storage();
            w.name = s.name();
            w.type = s.type();
            w.sizeBytes = s.sizeBytes();
            w.vendor = s.vendor();
            w.model = s.model();
            w.serialNumber = s.serialNumber();
            w.rotational = s.rotational();
            return w;
        }).toList();
        if (d.cpu() != null) {
            h.cpu = new BareMetalHostStatus.Cpu();
            h.cpu.arch = d.cpu().arch();
            h.cpu.model = d.cpu().model();
            h.cpu.clockMegahertz = d.cpu().clockMegahertz();
            h.cpu.count = d.cpu().count();
        }
        h.hostname = emptyToNull(d.hostname());
        return h;
    }
}
