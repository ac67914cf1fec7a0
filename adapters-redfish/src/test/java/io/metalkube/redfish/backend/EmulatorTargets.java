package io.metalkube.redfish.backend;

import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.SushyEmulator;

/** One emulator and one back-end per test class, both stopped by the class (contract bindings share this). */
final class EmulatorTargets implements AutoCloseable {

    final SushyEmulator emulator;
    final RedfishBackend backend;

    EmulatorTargets(String name, int systems) {
        this.emulator = SushyEmulator.start(name, systems);
        this.backend = new RedfishBackend(RedfishSettings.defaults());
    }

    @Override
    public void close() {
        backend.close();
        emulator.close();
    }
}
