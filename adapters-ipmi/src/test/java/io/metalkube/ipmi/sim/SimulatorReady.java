package io.metalkube.ipmi.sim;

import io.metalkube.ipmi.command.GetChannelAuthCapabilities;
import io.metalkube.ipmi.error.BmcUnreachableException;
import io.metalkube.ipmi.session.Sessionless;
import io.metalkube.ipmi.session.Timeouts;
import io.metalkube.ipmi.transport.UdpTransport;

import java.io.IOException;
import java.time.Duration;

/** Waits until a freshly started simulator answers a sessionless probe (usually within 50 ms). */
final class SimulatorReady {

    private SimulatorReady() {
    }

    static void await(IpmiSimulator sim) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try (UdpTransport t = UdpTransport.connect(sim.address())) {
                Sessionless.execute(t, new Timeouts(Duration.ofMillis(100), 1), new GetChannelAuthCapabilities(4));
                return;
            } catch (BmcUnreachableException e) {
                if (System.nanoTime() > deadline || !sim.alive()) {
                    throw new IOException("ipmi_sim at " + sim.bmcAddress() + " did not come up: " + sim.log(), e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
    }
}
