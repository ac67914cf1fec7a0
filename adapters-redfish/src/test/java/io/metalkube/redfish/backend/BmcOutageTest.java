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
import static org.awaitility.Awaitility.await;

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
            Outcome back = RedfishBackendAgainstEmulatorTest.until(() -> backend.powerOn(new Operation.PowerOn(t)), Duration.ofSeconds(90));
            assertThat(back).isEqualTo(new Outcome.PowerState(true));
            assertThat(emulator.poweredOn(SushyEmulator.uuidOf(t))).isTrue();
        }
    }

    /** A BMC that accepts connections and never answers, counting the connections it holds. */
    static final class HungBmc implements AutoCloseable {
        final ServerSocket socket;
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        HungBmc() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (!socket.isClosed()) {
                        held.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
        }

        BackendTarget target() {
            return new BackendTarget(new HostId("test", "hung"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + socket.getLocalPort()
                    + "/redfish/v1/Systems/1"), BmcCredentials.of("admin", "pw"), "", false);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            acceptor.interrupt();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** A BMC that never answers is reported at the answer timeout (here 2 s), once for all of its four callers. */
    @Test
    void aHungBmcIsReportedAtItsAnswerTimeoutOnceForAllCallers() throws Exception {
        try (HungBmc hung = new HungBmc();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                long t0 = System.nanoTime();
                List<Future<Outcome>> reads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    reads.add(pool.submit(() -> backend.readPower(new Operation.ReadPower(hung.target()))));
                }
                for (Future<Outcome> f : reads) {
                    Outcome o = f.get();
                    assertThat(((Outcome.Failed) o).message()).contains("host test/hung", "no answer", "within 2 s");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("four callers told after one timeout, not four")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(hung.held).as("one connection: the queued callers shared the failed login").hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A BMC whose TCP port takes no connection (its accept queue is full, SYNs are dropped) is dead: default settings, < 5 s. */
    @Test
    void aBmcThatTakesNoConnectionIsReportedWithinFiveSeconds() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
                    fillers.add(s);
                } catch (IOException queueFull) {
                    s.close();
                    break;
                }
            }
            BackendTarget t = new BackendTarget(new HostId("test", "dead"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + full.getLocalPort()),
                    BmcCredentials.of("admin", "pw"), "", false);
            long t0 = System.nanoTime();
            Outcome o = backend.register(new Operation.Register(t, null, null, null, null));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(((Outcome.Failed) o).message()).contains("registration of host test/dead").containsAnyOf("no TCP connection within 2 s",
                    "connection refused", "connection dropped");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    /** Ordering, not timing: healthy BMCs are read to the end while calls to a hung BMC are still waiting (20 s timeout here). */
    @Test
    void aHungBmcDelaysNoOtherBmc() throws Exception {
        try (HungBmc hung = new HungBmc(); SushyEmulator emulator = SushyEmulator.start("healthy", 4);
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Outcome>> hungReads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    hungReads.add(pool.submit(() -> backend.readPower(new Operation.ReadPower(hung.target()))));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !hung.held.isEmpty());
                for (int i = 0; i < 4; i++) {
                    BackendTarget t = emulator.target(emulator.nextSystem());
                    assertThat(pool.submit(() -> backend.readPower(new Operation.ReadPower(t))).get()).isEqualTo(new Outcome.PowerState(false));
                }
                assertThat(hungReads).as("the hung BMC's callers are still waiting").noneMatch(Future::isDone);
            } finally {
                pool.shutdownNow();
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
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
