package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RootDeviceHints;
import io.metalkube.domain.host.SecretRef;

/**
 * One piece of back-end work a reconcile asks for. Every operation is idempotent: asking again while it runs
 * reports progress instead of starting over.
 */
public sealed interface Operation {

    BackendTarget target();

    /** A short name for logs and metrics. */
    default String kind() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the status decided before this operation must be stored before it runs. Yes for work that changes what
     * is on the host (inspect, provision, deprovision, detach, delete): the stored state then names the work under way,
     * so a restart, a spec change or a deletion meanwhile is planned from the right state (metal3 stores each state
     * before acting in it). No for registration, whose outcome is always stored and which is harmless to repeat, and
     * for power reads and actions, which the next power read observes: their status goes into one write with their outcome.
     */
    default boolean recordsStateFirst() {
        return switch (this) {
            case Inspect i -> true;
            case Provision p -> true;
            case Deprovision d -> true;
            case Detach d -> true;
            case Delete d -> true;
            case Register r -> false;
            case ReadPower r -> false;
            case PowerOn p -> false;
            case PowerOff p -> false;
            case Reboot r -> false;
        };
    }

    /** Enrol the host (or update its BMC details) and prove the credentials work. */
    record Register(BackendTarget target, CredentialsVersion credentialsVersion, ProvisioningState currentState,
                    Image currentImage, AutomatedCleaningMode cleaningMode) implements Operation {
    }

    /** Read the hardware inventory. */
    record Inspect(BackendTarget target) implements Operation {
    }

    /**
     * Write the image and boot it with a config drive built from the referenced Secrets; or, with a custom deploy,
     * run its deploy step (the image is then optional input to it). A back-end that cannot run custom deploy steps
     * answers {@link Outcome.Failed} saying so, which the host shows as a provisioning error.
     *
     * @param image        null when only {@code customDeploy} is set (the lifecycle always sets one of the two)
     * @param customDeploy null for an ordinary image deployment
     */
    record Provision(BackendTarget target, Image image, SecretRef userData, SecretRef networkData, SecretRef metaData,
                     RootDeviceHints rootDeviceHints, BootMode bootMode, AutomatedCleaningMode cleaningMode,
                     CustomDeploy customDeploy) implements Operation {

        /** An image deployment. */
        public Provision(BackendTarget target, Image image, SecretRef userData, SecretRef networkData, SecretRef metaData,
                         RootDeviceHints rootDeviceHints, BootMode bootMode, AutomatedCleaningMode cleaningMode) {
            this(target, image, userData, networkData, metaData, rootDeviceHints, bootMode, cleaningMode, null);
        }

        public boolean hasCustomDeploy() {
            return customDeploy != null;
        }

        /** {@code image URL}, {@code custom deploy "m"} or both, for messages. */
        public String deployment() {
            return CustomDeploy.describe(image, customDeploy);
        }
    }

    /** Undo provisioning: power off, clean per the cleaning mode, leave the host available. */
    record Deprovision(BackendTarget target, AutomatedCleaningMode cleaningMode) implements Operation {
    }

    /** Observe the power state (the steady-state poll: one back-end read). */
    record ReadPower(BackendTarget target) implements Operation {
    }

    record PowerOn(BackendTarget target) implements Operation {
    }

    record PowerOff(BackendTarget target, PowerOffMode mode) implements Operation {
    }

    /**
     * Power-cycle the host and leave it on: what a reboot annotation asks of a host with spec.disablePowerOff,
     * whose BMC may be unreachable while the host is off (metal3: Ironic reboots instead of powering off). SOFT asks
     * the operating system to restart, HARD resets the power.
     */
    record Reboot(BackendTarget target, PowerOffMode mode) implements Operation {
    }

    /** Remove the host from the back-end before the object goes away. */
    record Delete(BackendTarget target) implements Operation {
    }

    /** Remove the host from the back-end without deprovisioning; the object stays, detached. */
    record Detach(BackendTarget target) implements Operation {
    }
}
