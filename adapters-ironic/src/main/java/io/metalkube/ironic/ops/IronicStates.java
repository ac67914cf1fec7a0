package io.metalkube.ironic.ops;

import java.util.Set;

/** Ironic's provision states as they appear on the wire (ironic/common/states.py), and the groups MetalKube uses. */
final class IronicStates {

    static final String ENROLL = "enroll";
    static final String VERIFYING = "verifying";
    static final String MANAGEABLE = "manageable";
    static final String AVAILABLE = "available";
    static final String ACTIVE = "active";
    static final String INSPECTING = "inspecting";
    static final String INSPECT_WAIT = "inspect wait";
    static final String INSPECT_FAILED = "inspect failed";
    static final String CLEANING = "cleaning";
    static final String CLEAN_WAIT = "clean wait";
    static final String CLEAN_FAILED = "clean failed";
    static final String DEPLOYING = "deploying";
    static final String DEPLOY_WAIT = "wait call-back";
    static final String DEPLOY_FAILED = "deploy failed";
    static final String DELETING = "deleting";
    static final String ADOPTING = "adopting";
    static final String ADOPT_FAILED = "adopt failed";
    static final String ERROR = "error";

    /** States in which Ironic is working on the node; they count against the provisioning limit. */
    static final Set<String> BUSY = Set.of(INSPECTING, INSPECT_WAIT, CLEANING, CLEAN_WAIT, DEPLOYING, DEPLOY_WAIT, DELETING, ADOPTING);

    /** Transient states that end by themselves. */
    static final Set<String> TRANSIENT = Set.of(VERIFYING, INSPECTING, INSPECT_WAIT, CLEANING, CLEAN_WAIT, DEPLOYING,
            DEPLOY_WAIT, DELETING, ADOPTING, "rescuing", "rescue wait", "unrescuing", "servicing", "service wait");

    static final String POWER_ON = "power on";
    static final String POWER_OFF = "power off";
    static final String SOFT_POWER_OFF = "soft power off";
    static final String REBOOTING = "rebooting";
    static final String SOFT_REBOOTING = "soft rebooting";

    private IronicStates() {
    }
}
