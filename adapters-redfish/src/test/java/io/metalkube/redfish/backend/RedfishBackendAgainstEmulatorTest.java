package io.metalkube.redfish.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.IsoServer;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Redfish-specific behaviour of the back-end against one real sushy-tools emulator with 27 systems, checked in the emulator's own state. */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishBackendAgainstEmulatorTest {

    static SushyEmulator emulator;
    static RedfishBackend backend;
    static IsoServer images;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.start("behaviour", 27);
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

    static Outcome until(Supplier<Outcome> op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome last = op.get();
        while (last instanceof Outcome.InProgress p && System.nanoTime() < deadline) {
            sleep(Math.min(500, p.retryAfter().toMillis()));
            last = op.get();
        }
        return last;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void twentySystemsAreDrivenConcurrentlyAndEachEndsWhereItWasSent() throws Exception {
        List<BackendTarget> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BackendTarget t = emulator.target(emulator.nextSystem());
            emulator.setPower(SushyEmulator.uuidOf(t), i % 2 != 0);
            targets.add(t);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        java.util.concurrent.atomic.AtomicLong busy = new java.util.concurrent.atomic.AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                BackendTarget t = targets.get(i);
                boolean on = i % 2 == 0;
                results.add(pool.submit((Callable<Outcome>) () -> {
                    long started = System.nanoTime();
                    assertThat(backend.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
                    Outcome o = until(() -> on ? backend.powerOn(new Operation.PowerOn(t)) : backend.powerOff(new Operation.PowerOff(t, PowerOffMode.HARD)),
                            Duration.ofSeconds(90));
                    busy.addAndGet(System.nanoTime() - started);
                    return o;
                }));
            }
            for (int i = 0; i < targets.size(); i++) {
                boolean on = i % 2 == 0;
                assertThat(results.get(i).get()).as("host %d", i).isEqualTo(new Outcome.PowerState(on));
                assertThat(emulator.poweredOn(SushyEmulator.uuidOf(targets.get(i)))).isEqualTo(on);
            }
        } finally {
            pool.shutdownNow();
        }
        // Each change lands 1–11 s after the request: the 20 waits overlapped (wall time well under their sum), whatever the load.
        long wall = System.nanoTime() - t0;
        assertThat(wall).as("wall %d ms vs %d ms of work", wall / 1_000_000, busy.get() / 1_000_000).isLessThan(busy.get() / 4);
        assertThat(backend.openSessions()).as("sushy-tools has no sessions: HTTP Basic, no tokens held").isZero();
    }

    @Test
    void powerChangesArePolledUntilTheEmulatorReallyChanged() {
        BackendTarget t = emulator.target(emulator.nextSystem());
        String uuid = SushyEmulator.uuidOf(t);
        long t0 = System.nanoTime();
        int inProgress = 0;
        Outcome last = backend.powerOn(new Operation.PowerOn(t));
        while (last instanceof Outcome.InProgress) {
            assertThat(emulator.poweredOn(uuid) && backend.readPower(new Operation.ReadPower(t)).equals(new Outcome.PowerState(false)))
                    .as("never reports off once the emulator is on").isFalse();
            inProgress++;
            sleep(300);
            last = backend.powerOn(new Operation.PowerOn(t));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
        }
        assertThat(last).isEqualTo(new Outcome.PowerState(true));
        assertThat(emulator.poweredOn(uuid)).isTrue();
        System.out.printf("power on became visible after %d polls, %.1f s (the emulator's own random delay)%n", inProgress,
                (System.nanoTime() - t0) / 1e9);
        // A soft power-off the emulator offers (GracefulShutdown): also polled to the end.
        assertThat(until(() -> backend.powerOff(new Operation.PowerOff(t, PowerOffMode.SOFT)), Duration.ofSeconds(60)))
                .isEqualTo(new Outcome.PowerState(false));
        assertThat(emulator.poweredOn(uuid)).isFalse();
    }

    @Test
    void aWrongPasswordNamesTheHostAndQuotesTheBmc() {
        BackendTarget t = SushyEmulator.withWrongPassword(emulator.target(emulator.nextSystem()));
        Outcome o = backend.register(new Operation.Register(t, null, null, null, null));
        String message = ((Outcome.Failed) o).message();
        assertThat(message).contains("registration of host " + t.host(), "http://127.0.0.1:" + emulator.port(),
                "refused the credentials of user \"admin\"", "HTTP 401", "Incorrect username or password", "spec.bmc.credentialsName");
        assertThat(message).doesNotContain("wrong-pass-42").doesNotContain(SushyEmulator.PASSWORD);
    }

    @Test
    void liveIsoIsDownloadedByTheEmulatorBootedFromCdAndEjectedOnDeprovisioning() {
        BackendTarget t = emulator.target(emulator.nextSystem());
        String uuid = SushyEmulator.uuidOf(t);
        emulator.setPower(uuid, true);
        Image iso = new Image(images.url("fedora-coreos-live.iso"), "", null, DiskFormat.LIVE_ISO);
        Outcome done = until(() -> backend.provision(new Operation.Provision(t, iso, null, null, null, null, BootMode.UEFI,
                AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
        assertThat(done).isEqualTo(new Outcome.Done());
        assertThat(images.downloads("fedora-coreos-live.iso")).as("the emulator fetched the ISO").isGreaterThanOrEqualTo(1);
        assertThat(emulator.insertedImage(uuid)).isEqualTo(iso.url());
        assertThat(emulator.bootTarget(uuid)).isEqualTo("Cd");
        assertThat(emulator.poweredOn(uuid)).isTrue();

        Outcome gone = until(() -> backend.deprovision(new Operation.Deprovision(t, AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
        assertThat(gone).isEqualTo(new Outcome.Done());
        assertThat(emulator.insertedImage(uuid)).as("media ejected").isNull();
        assertThat(emulator.poweredOn(uuid)).isFalse();
    }

    @Test
    void anImageTheEmulatorCannotFetchIsAProvisioningErrorQuotingIt() {
        BackendTarget t = emulator.target(emulator.nextSystem());
        Image missing = new Image("http://127.0.0.1:9/nothing-listens-here.iso", "", null, DiskFormat.LIVE_ISO);
        Outcome o = until(() -> backend.provision(new Operation.Provision(t, missing, null, null, null, null, BootMode.UEFI,
                AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
        assertThat(o).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) o).message()).contains("provisioning", t.host().toString(), "InsertMedia", "HTTP 5");
    }

    /**
     * sushy-tools' own fake driver cannot record an HttpBootUri: its PATCH downloads the ISO, then answers 400. A BMC
     * that refuses the UEFI HTTP boot URI is a provisioning error quoting it, and the host is never powered on.
     */
    @Test
    void aBmcThatRefusesTheHttpBootUriIsAProvisioningErrorQuotingIt() {
        String uuid = emulator.nextSystem();
        BackendTarget t = emulator.target(uuid, "redfish-uefihttp+http");
        Image iso = new Image(images.url("refused-http-boot.iso"), "", null, DiskFormat.LIVE_ISO);
        Outcome o = backend.provision(new Operation.Provision(t, iso, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED));
        assertThat(((Outcome.Failed) o).message()).contains("provisioning (live-iso by UEFI HTTP boot) of host " + t.host(),
                "PATCH /redfish/v1/Systems/" + uuid, "HTTP 400", "Failed to save HttpBootUri field value.");
        assertThat(emulator.poweredOn(uuid)).isFalse();
    }

    @Test
    void aSystemNamedByItsNameIsFollowedThroughTheEmulatorsRedirect() {
        String uuid = emulator.nextSystem();
        int n = emulator.uuids().indexOf(uuid) + 1;
        BackendTarget byName = new BackendTarget(new HostId("test", "by-name"), "",
                BmcAddress.parse("redfish+http://127.0.0.1:" + emulator.port() + "/redfish/v1/Systems/behaviour-" + n),
                BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
        Outcome o = backend.register(new Operation.Register(byName, null, null, null, null));
        assertThat(o).isEqualTo(new Outcome.Registered("redfish-127.0.0.1:" + emulator.port() + "/redfish/v1/Systems/" + uuid));
    }

    @Test
    void severalSystemsAndNoPathIsARegistrationErrorListingThem() {
        BackendTarget noPath = new BackendTarget(new HostId("test", "no-path"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + emulator.port()),
                BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
        String message = ((Outcome.Failed) backend.register(new Operation.Register(noPath, null, null, null, null))).message();
        assertThat(message).contains("has 27 systems", "name one in spec.bmc.address", "/redfish/v1/Systems/");
    }
}
