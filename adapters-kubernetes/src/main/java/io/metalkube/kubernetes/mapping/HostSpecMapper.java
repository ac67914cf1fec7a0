package io.metalkube.kubernetes.mapping;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.InspectionMode;
import io.metalkube.domain.host.RootDeviceHints;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.kubernetes.crd.ObjectReference;
import io.metalkube.kubernetes.crd.SecretReference;

import java.util.Objects;

import static io.metalkube.kubernetes.mapping.Wire.emptyToNull;
import static io.metalkube.kubernetes.mapping.Wire.enumOrNull;
import static io.metalkube.kubernetes.mapping.Wire.isTrue;
import static io.metalkube.kubernetes.mapping.Wire.trueOrNull;
import static io.metalkube.kubernetes.mapping.Wire.wire;

/** BareMetalHost spec (wire) to and from {@link HostSpec} (domain). */
public final class HostSpecMapper {

    private HostSpecMapper() {
    }

    public static HostSpec toDomain(BareMetalHostSpec s) {
        if (s == null) {
            return HostSpec.empty();
        }
        BmcDetails bmc = s.bmc == null ? BmcDetails.none()
                : new BmcDetails(s.bmc.address, s.bmc.credentialsName, isTrue(s.bmc.disableCertificateVerification));
        return new HostSpec(bmc, s.bootMACAddress, s.online, image(s.image), secret(s.userData), secret(s.networkData),
                secret(s.metaData), consumer(s.consumerRef), isTrue(s.externallyProvisioned),
                enumOrNull(AutomatedCleaningMode.class, s.automatedCleaningMode), hints(s.rootDeviceHints),
                enumOrNull(BootMode.class, s.bootMode), isTrue(s.disablePowerOff), customDeploy(s.customDeploy))
                .withInspectionMode(enumOrNull(InspectionMode.class, s.inspectionMode));
    }

    /**
     * Writes {@code spec} over a copy of {@code previous}: fields the domain does not model (raid, firmware, taints,
     * description, …) stay as they were, and a field whose domain value did not change keeps its exact wire form.
     */
    public static BareMetalHostSpec toWire(HostSpec spec, BareMetalHostSpec previous) {
        BareMetalHostSpec prev = previous == null ? new BareMetalHostSpec() : previous;
        HostSpec before = toDomain(prev);
        BareMetalHostSpec out = Wire.JSON.convertValue(prev, BareMetalHostSpec.class);
        if (!spec.bmc().equals(before.bmc())) {
            out.bmc = new BareMetalHostSpec.Bmc();
            out.bmc.address = emptyToNull(spec.bmc().address());
            out.bmc.credentialsName = emptyToNull(spec.bmc().credentialsName());
            out.bmc.disableCertificateVerification = trueOrNull(spec.bmc().disableCertificateVerification());
        }
        if (!spec.bootMACAddress().equals(before.bootMACAddress())) {
            out.bootMACAddress = emptyToNull(spec.bootMACAddress());
        }
        out.online = spec.online();
        if (!Objects.equals(spec.image(), before.image())) {
            out.image = image(spec.image());
        }
        if (!Objects.equals(spec.userData(), before.userData())) {
            out.userData = secret(spec.userData());
        }
        if (!Objects.equals(spec.networkData(), before.networkData())) {
            out.networkData = secret(spec.networkData());
        }
        if (!Objects.equals(spec.metaData(), before.metaData())) {
            out.metaData = secret(spec.metaData());
        }
        if (!Objects.equals(spec.consumerRef(), before.consumerRef())) {
            out.consumerRef = consumer(spec.consumerRef());
        }
        if (spec.externallyProvisioned() != before.externallyProvisioned()) {
            out.externallyProvisioned = trueOrNull(spec.externallyProvisioned());
        }
        if (spec.automatedCleaningMode() != before.automatedCleaningMode()) {
            out.automatedCleaningMode = wire(spec.automatedCleaningMode());
        }
        if (!Objects.equals(spec.rootDeviceHints(), before.rootDeviceHints())) {
            out.rootDeviceHints = hints(spec.rootDeviceHints());
        }
        if (spec.bootMode() != before.bootMode()) {
            out.bootMode = wire(spec.bootMode());
        }
        if (spec.disablePowerOff() != before.disablePowerOff()) {
            out.disablePowerOff = trueOrNull(spec.disablePowerOff());
        }
        if (spec.inspectionMode() != before.inspectionMode()) {
            out.inspectionMode = wire(spec.inspectionMode());
        }
        if (!Objects.equals(spec.customDeploy(), before.customDeploy())) {
            out.customDeploy = customDeploy(spec.customDeploy());
        }
        return out;
    }

    static Image image(BareMetalHostSpec.Image i) {
        if (i == null || i.url == null) {
            return null;
        }
        return new Image(i.url, i.checksum, enumOrNull(ChecksumType.class, i.checksumType), enumOrNull(DiskFormat.class, i.format));
    }

    static BareMetalHostSpec.Image image(Image i) {
        if (i == null) {
            return null;
        }
        BareMetalHostSpec.Image w = new BareMetalHostSpec.Image();
        w.url = i.url();
        w.checksum = emptyToNull(i.checksum());
        w.checksumType = wire(i.checksumType());
        w.format = wire(i.format());
        return w;
    }

    /** metal3 treats an empty method as no custom deploy. */
    static CustomDeploy customDeploy(BareMetalHostSpec.CustomDeploy c) {
        return c == null ? null : CustomDeploy.ofNullable(c.method);
    }

    static BareMetalHostSpec.CustomDeploy customDeploy(CustomDeploy c) {
        if (c == null) {
            return null;
        }
        BareMetalHostSpec.CustomDeploy w = new BareMetalHostSpec.CustomDeploy();
        w.method = c.method();
        return w;
    }

    static SecretRef secret(SecretReference r) {
        return r == null || r.name == null || r.name.isEmpty() ? null : new SecretRef(r.name, r.namespace);
    }

    static SecretReference secret(SecretRef r) {
        if (r == null) {
            return null;
        }
        SecretReference w = new SecretReference();
        w.name = r.name();
        w.namespace = emptyToNull(r.namespace());
        return w;
    }

    static ConsumerRef consumer(ObjectReference r) {
        if (r == null || r.name == null || r.name.isEmpty() || r.kind == null || r.kind.isEmpty()) {
            return null;
        }
        return new ConsumerRef(r.apiVersion, r.kind, r.namespace, r.name);
    }

    static ObjectReference consumer(ConsumerRef c) {
        if (c == null) {
            return null;
        }
        ObjectReference w = new ObjectReference();
        w.apiVersion = emptyToNull(c.apiVersion());
        w.kind = c.kind();
        w.namespace = emptyToNull(c.namespace());
        w.name = c.name();
        return w;
    }

    static RootDeviceHints hints(BareMetalHostSpec.RootDeviceHints h) {
        if (h == null) {
            return null;
        }
        return new RootDeviceHints(h.deviceName, h.hctl, h.model, h.vendor, h.serialNumber, h.minSizeGigabytes, h.wwn,
                h.wwnWithExtension, h.wwnVendorExtension, h.rotational);
    }

    static BareMetalHostSpec.RootDeviceHints hints(RootDeviceHints h) {
        if (h == null) {
            return null;
        }
        BareMetalHostSpec.RootDeviceHints w = new BareMetalHostSpec.RootDeviceHints();
        w.deviceName = h.deviceName();
        w.hctl = h.hctl();
        w.model = h.model();
        w.vendor = h.vendor();
        w.serialNumber = h.serialNumber();
        w.minSizeGigabytes = h.minSizeGigabytes();
        w.wwn = h.wwn();
        w.wwnWithExtension = h.wwnWithExtension();
        w.wwnVendorExtension = h.wwnVendorExtension();
        w.rotational = h.rotational();
        return w;
    }
}
