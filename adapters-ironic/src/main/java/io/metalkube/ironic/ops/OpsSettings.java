package io.metalkube.ironic.ops;

import java.time.Duration;

/**
 * Tuning the operations share.
 *
 * @param pollInterval        how soon to ask again while Ironic works on a node
 * @param softPowerOffTimeout how long Ironic waits for the OS to shut down before a soft power off fails
 * @param provisioningLimit   how many nodes may be busy (inspecting, cleaning, deploying) at once
 */
public record OpsSettings(Duration pollInterval, Duration softPowerOffTimeout, int provisioningLimit) {
}
