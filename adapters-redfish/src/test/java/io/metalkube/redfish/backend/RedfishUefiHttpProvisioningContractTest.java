package io.metalkube.redfish.backend;

import io.metalkube.application.contract.ProvisioningContract;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.IsoServer;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;
import java.util.Optional;

/**
 * The application's provisioning contract, unchanged, on the Redfish back-end for {@code redfish-uefihttp://} hosts:
 * the live ISO is booted by UEFI HTTP (the emulator downloads the HttpBootUri; {@link SushyEmulator#startWithHttpBootUri}),
 * "the peer has the image" meaning the BMC reports it as its HTTP boot URI.
 */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishUefiHttpProvisioningContractTest extends ProvisioningContract {

    static SushyEmulator emulator;
    static RedfishBackend backend;
    static IsoServer images;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.startWithHttpBootUri("uefihttp-contract", 4);
        backend = new RedfishBackend(RedfishSettings.defaults());
        images = IsoServer.start();
    }

    @AfterAll
    static void stop() {
        if (images != null) {
            images.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected HostRegistration registration() {
        return backend;
    }

    @Override
    protected HostProvisioning provisioning() {
        return backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return emulator.target(emulator.nextSystem(), "redfish-uefihttp+http");
    }

    @Override
    protected Image servableImage() {
        return new Image(images.url("contract-http-boot.iso"), "", null, DiskFormat.LIVE_ISO);
    }

    @Override
    protected Optional<Image> unservableImage() {
        return Optional.of(new Image(images.url("disk.qcow2"), "0123456789abcdef0123456789abcdef", ChecksumType.MD5, DiskFormat.QCOW2));
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return emulator.poweredOn(SushyEmulator.uuidOf(target));
    }

    @Override
    protected boolean peerHasImage(BackendTarget target, Image image) {
        return image.url().equals(emulator.httpBootUri(SushyEmulator.uuidOf(target)));
    }

    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
