package io.metalkube.redfish.backend;

import io.metalkube.application.contract.ProvisioningContract;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.redfish.peer.IsoServer;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.Optional;

/**
 * The application's provisioning contract, unchanged, on the Redfish back-end against the sushy-tools emulator:
 * a live ISO served over loopback HTTP, which the emulator downloads on InsertMedia; qcow2 is refused.
 */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishProvisioningContractTest extends ProvisioningContract {

    static EmulatorTargets peers;
    static IsoServer images;

    @BeforeAll
    static void start() {
        peers = new EmulatorTargets("provisioning-contract", 4);
        images = IsoServer.start();
    }

    @AfterAll
    static void stop() {
        if (images != null) {
            images.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Override
    protected HostRegistration registration() {
        return peers.backend;
    }

    @Override
    protected HostProvisioning provisioning() {
        return peers.backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return peers.emulator.target(peers.emulator.nextSystem());
    }

    @Override
    protected Image servableImage() {
        return new Image(images.url("contract-live.iso"), "", null, DiskFormat.LIVE_ISO);
    }

    @Override
    protected Optional<Image> unservableImage() {
        return Optional.of(new Image(images.url("disk.qcow2"), "0123456789abcdef0123456789abcdef", ChecksumType.MD5, DiskFormat.QCOW2));
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return peers.emulator.poweredOn(SushyEmulator.uuidOf(target));
    }

    @Override
    protected boolean peerHasImage(BackendTarget target, Image image) {
        return image.url().equals(peers.emulator.insertedImage(SushyEmulator.uuidOf(target)));
    }

    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
