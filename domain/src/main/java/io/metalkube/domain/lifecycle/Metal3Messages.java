package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.CredentialsVersion;

/**
 * The messages of the events metal3's operator records (its Ironic provisioner and host controller), so that a metal3
 * user reads what they know; a custom deploy, which metal3 names only by its image, is named in full.
 */
final class Metal3Messages {

    private Metal3Messages() {
    }

    static final String REGISTERED = "Registered new host";
    static final String INSPECTION_COMPLETE = "Hardware inspection completed";

    static String bmcAccessValidated(CredentialsVersion credentials) {
        return "Verified access to BMC (credentials from Secret \"" + credentials.secretName() + "\")";
    }

    /** metal3: "Image provisioning started for URL"; {@code deployment} is {@code image URL} or names a custom deploy. */
    static String provisioningStarted(String deployment) {
        return deployment.startsWith("image ") ? "Image provisioning started for " + deployment.substring("image ".length())
                : "Provisioning started: " + deployment;
    }

    /** metal3: "Image provisioning completed for URL". */
    static String provisioningComplete(String deployment) {
        return deployment.startsWith("image ") ? "Image provisioning completed for " + deployment.substring("image ".length())
                : "Provisioning completed: " + deployment;
    }

    /** metal3: "Host powered on" / "Host powered off". */
    static String powered(boolean on) {
        return "Host powered " + (on ? "on" : "off");
    }
}
