package io.metalkube.redfish.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A BMC that dies, hangs or comes back: bounded detection, no effect on other BMCs, recovery without a restart of ours. */
class BmcOutageTest {

    @Test
    void aBmcKilledMidOperationIsAnErrorAndWorksAgainWhenItReturns() {
        try (SushyEmulator emulator = SushyEmulator.start("outage", 2); RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = emulator.target(emulator.nextSystem());
            assertThat(backend.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
            Outcome started = backend.powerOn(new Operation.PowerOn(t));
            assertThat(started).isNotInstanceOf(Outcome.Failed.class);

            emulator.kill();
            long t0 = System.nanoTime();
            Outcome dead = backend.powerOn(new Operation.PowerOn(t));
            Duration detected = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(dead).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) dead).message()).contains("power on of host " + t.host(), "127.0.0.1:" + emulator.port(), "connection refused");
            assertThat(detected).isLessThan(Duration.ofSeconds(5));

            emulator.restart();
            Outcome back = RedfishBackendAgainstEmulatorTest.until(() -> backend.powerOn(new Operation.PowerOn(t)), Duration.ofSeconds(40));
            assertThat(back).isEqualTo(new Outcome.PowerState(true));
            assertThat(emulator.poweredOn(SushyEmulator.uuidOf(t))).isTrue();
        }
    }

    @Test
    void aHungBmcIsReportedWithinFiveSecondsAndDelaysNoOtherBmc() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SushyEmulator emulator = SushyEmulator.start("healthy", 4);
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept()); // accepts, never answers: a hung BMC
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            BackendTarget hung = new BackendTarget(new HostId("test", "hung"), "", BmcAddress.parse("redfish+http://127.0.0.1:"
                    + silent.getLocalPort() + "/redfish/v1/Systems/1"), BmcCredentials.of("admin", "pw"), "", false);
            List<BackendTarget> healthy = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                healthy.add(emulator.target(emulator.nextSystem()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                long t0 = System.nanoTime();
                List<Future<Outcome>> hungReads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    hungReads.add(pool.submit(() -> backend.readPower(new Operation.ReadPower(hung))));
                }
                for (BackendTarget t : healthy) {
                    assertThat(pool.submit(() -> backend.readPower(new Operation.ReadPower(t))).get()).isEqualTo(new Outcome.PowerState(false));
                }
                Duration healthyDone = Duration.ofNanos(System.nanoTime() - t0);
                for (Future<Outcome> f : hungReads) {
                    Outcome o = f.get();
                    assertThat(o).isInstanceOf(Outcome.Failed.class);
                    assertThat(((Outcome.Failed) o).message()).contains("host test/hung", "no answer", "within 3 s");
                }
                Duration hungDone = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(hungDone).as("a hung BMC is reported in under 5 s").isLessThan(Duration.ofSeconds(5));
                assertThat(healthyDone).as("healthy BMCs answered while the hung one was still being waited for").isLessThan(Duration.ofSeconds(2));
            } finally {
                pool.shutdownNow();
                acceptor.interrupt();
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aBmcWithNothingListeningIsReportedAtOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = s.getLocalPort();
        }
        try (RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = new BackendTarget(new HostId("test", "gone"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + port),
                    BmcCredentials.of("admin", "pw"), "", false);
            long t0 = System.nanoTime();
            Outcome o = backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(((Outcome.Failed) o).message()).contains("registration of host test/gone", "connection refused");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
