package io.metalkube.domain.validation;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.ProvisioningState;

import java.util.Collection;

/**
 * How a host whose spec the admission webhook would refuse is reported when it got in anyway: one registration
 * error naming every problem. The lifecycle reports what {@link HostValidator} sees; the Kubernetes adapter adds
 * what only the custom resource shows (unknown enum strings), in the same words.
 */
public final class InvalidSpec {

    public static final String PREFIX = "spec is invalid (fix it to continue): ";

    private InvalidSpec() {
    }

    public static String message(Collection<String> problems) {
        return PREFIX + String.join("; ", problems);
    }

    /** metal3's naming: a provisioned (or externally provisioned) host gets "provisioned registration error". */
    public static ErrorType errorType(ProvisioningState state) {
        return state == ProvisioningState.PROVISIONED || state == ProvisioningState.EXTERNALLY_PROVISIONED
                ? ErrorType.PROVISIONED_REGISTRATION : ErrorType.REGISTRATION;
    }
}
