package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ProvisioningState;

/** One change of provisioning state, as a lifecycle step decided it. */
public record Transition(ProvisioningState from, ProvisioningState to) {

    /** "(none)" for the empty state, the quoted wire name otherwise: how states read in events and logs. */
    static String label(ProvisioningState state) {
        return state == ProvisioningState.NONE ? "(none)" : "\"" + state.wireName() + "\"";
    }
}
