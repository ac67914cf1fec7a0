package io.metalkube.application.contract;

import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PowerControl's default reboot, for back-ends without one: a clear failure, and never a power-off. */
class PowerControlDefaultRebootTest {

    @Test
    void aBackEndWithoutAPowerCycleSaysSoAndDoesNotPowerTheHostOff() {
        List<String> calls = new ArrayList<>();
        PowerControl onlyOnOff = new PowerControl() {
            @Override
            public Outcome readPower(Operation.ReadPower r) {
                calls.add("read");
                return new Outcome.PowerState(true);
            }

            @Override
            public Outcome powerOn(Operation.PowerOn p) {
                calls.add("on");
                return new Outcome.PowerState(true);
            }

            @Override
            public Outcome powerOff(Operation.PowerOff p) {
                calls.add("off");
                return new Outcome.PowerState(false);
            }
        };
        BackendTarget target = new BackendTarget(new HostId("dc1", "nc-si-0"), "", null, null, "", false, true);

        Outcome outcome = onlyOnOff.reboot(new Operation.Reboot(target, PowerOffMode.HARD));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.message()).contains("dc1/nc-si-0", "cannot power-cycle", "disablePowerOff"));
        assertThat(calls).isEmpty();
    }
}
