package io.metalkube.domain.host;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readable test data: {@code aHost().managed().inState(AVAILABLE).online().withImage(IMAGE).build()}. */
public final class HostBuilder {

    public static final String BMC_ADDRESS = "ipmi://192.0.2.10";
    public static final String SECRET = "worker-0-bmc";
    public static final CredentialsVersion CREDENTIALS_V1 = new CredentialsVersion(SECRET, "1");
    public static final Image IMAGE = new Image("https://images.example/os-1.qcow2", "0123abcd", ChecksumType.SHA256, DiskFormat.QCOW2);
    public static final Image OTHER_IMAGE = new Image("https://images.example/os-2.qcow2", "4567ef01", ChecksumType.SHA256, DiskFormat.QCOW2);
    public static final String NODE_ID = "3f0c0a7e-node";

    private HostId id = new HostId("dc1", "worker-0");
    private final Map<String, String> labels = new HashMap<>();
    private HostAnnotations annotations = HostAnnotations.none();
    private HostSpec spec = HostSpec.empty();
    private HostStatus status = HostStatus.initial();
    private boolean deleting;

    private HostBuilder() {
    }

    public static HostBuilder aHost() {
        return new HostBuilder();
    }

    public HostBuilder named(String name) {
        id = new HostId(id.namespace(), name);
        return this;
    }

    public HostBuilder inNamespace(String namespace) {
        id = new HostId(namespace, id.name());
        return this;
    }

    public HostBuilder labelled(String key, String value) {
        labels.put(key, value);
        return this;
    }

    /** BMC address and credentials Secret set, nothing known about them yet. */
    public HostBuilder withBmc() {
        return withBmc(BMC_ADDRESS);
    }

    public HostBuilder withBmc(String address) {
        spec = spec.withBmc(new BmcDetails(address, SECRET, false));
        return this;
    }

    /** Registered with credentials version 1 and a back-end node id. */
    public HostBuilder managed() {
        withBmc();
        status = status.withGoodCredentials(CREDENTIALS_V1).withTriedCredentials(CREDENTIALS_V1)
                .withProvisioning(status.provisioning().withId(NODE_ID));
        return this;
    }

    public HostBuilder inState(ProvisioningState state) {
        status = status.withState(state);
        return this;
    }

    public HostBuilder online() {
        spec = spec.withOnline(true);
        return this;
    }

    public HostBuilder offline() {
        spec = spec.withOnline(false);
        return this;
    }

    public HostBuilder withImage(Image image) {
        spec = spec.withImage(image);
        return this;
    }

    /** spec.customDeploy with this deploy step. */
    public HostBuilder withCustomDeploy(String method) {
        spec = spec.withCustomDeploy(new CustomDeploy(method));
        return this;
    }

    /** status.provisioning.customDeploy: the custom deploy that was (or is being) run. */
    public HostBuilder provisionedWithCustomDeploy(String method) {
        status = status.withProvisioning(status.provisioning().withCustomDeploy(new CustomDeploy(method)));
        return this;
    }

    /** status.provisioning.image: what was (or is being) written. */
    public HostBuilder provisionedWith(Image image) {
        status = status.withProvisioning(status.provisioning().withImage(image));
        return this;
    }

    public HostBuilder externallyProvisioned() {
        spec = spec.withExternallyProvisioned(true);
        return this;
    }

    public HostBuilder poweredOn(Boolean on) {
        status = status.withPoweredOn(on);
        return this;
    }

    public HostBuilder operationalStatus(OperationalStatus op) {
        status = status.withOperationalStatus(op);
        return this;
    }

    /** {@code count} recorded failures of {@code type}, the last one at {@code at}. */
    public HostBuilder failed(ErrorType type, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            status = status.withError(type, type.wireName() + " #" + (i + 1));
        }
        status = status.withLastUpdated(at);
        return this;
    }

    public HostBuilder consumedBy(ConsumerRef consumer) {
        spec = spec.withConsumerRef(consumer);
        return this;
    }

    /** CAPM3's {@code capm3.metal3.io/unhealthy} (or the older {@code capi.metal3.io/unhealthy}). */
    public HostBuilder unhealthy() {
        annotations = annotations.withUnhealthy(true);
        return this;
    }

    public HostBuilder paused() {
        annotations = annotations.withPaused(true);
        return this;
    }

    public HostBuilder detached(boolean force) {
        annotations = annotations.withDetached(Optional.of(new DetachRequest(force)));
        return this;
    }

    public HostBuilder detached(DetachRequest request) {
        annotations = annotations.withDetached(Optional.of(request));
        return this;
    }

    public HostBuilder reboot(RebootRequest... requests) {
        annotations = annotations.withReboots(List.of(requests));
        return this;
    }

    public HostBuilder inspect(InspectRequest request) {
        annotations = annotations.withInspect(request);
        return this;
    }

    public HostBuilder hardwareDetailsAnnotation(HardwareDetails details) {
        annotations = annotations.withHardwareDetails(Optional.of(details));
        return this;
    }

    public HostBuilder spec(java.util.function.UnaryOperator<HostSpec> edit) {
        spec = edit.apply(spec);
        return this;
    }

    public HostBuilder status(java.util.function.UnaryOperator<HostStatus> edit) {
        status = edit.apply(status);
        return this;
    }

    public HostBuilder bootMode(BootMode mode) {
        return spec(s -> new HostSpec(s.bmc(), s.bootMACAddress(), s.online(), s.image(), s.userData(), s.networkData(),
                s.metaData(), s.consumerRef(), s.externallyProvisioned(), s.automatedCleaningMode(), s.rootDeviceHints(), mode,
                s.disablePowerOff(), s.customDeploy()));
    }

    public HostBuilder disablePowerOff() {
        return spec(s -> new HostSpec(s.bmc(), s.bootMACAddress(), s.online(), s.image(), s.userData(), s.networkData(),
                s.metaData(), s.consumerRef(), s.externallyProvisioned(), s.automatedCleaningMode(), s.rootDeviceHints(),
                s.bootMode(), true, s.customDeploy()));
    }

    public HostBuilder deleting() {
        deleting = true;
        return this;
    }

    public Host build() {
        return new Host(id, "1", labels, annotations, spec, status, deleting);
    }

    public static HardwareDetails someHardware() {
        return new HardwareDetails(new HardwareDetails.SystemVendor("Acme", "R1", "SN1"), null, 65536,
                List.of(new HardwareDetails.Nic("eth0", "virtio", "52:54:00:aa:bb:cc", "192.0.2.50", 10, true)),
                List.of(), new HardwareDetails.Cpu("x86_64", "Xeon", 2400.0, 16), "worker-0");
    }
}
