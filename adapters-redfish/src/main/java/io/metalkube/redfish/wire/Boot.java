package io.metalkube.redfish.wire;

import java.util.List;

/**
 * ComputerSystem {@code Boot} (schema ComputerSystem.Boot): the boot source override. {@code mode} is null on
 * boards that lack {@code BootSourceOverrideMode} (some Supermicro X10, redfish.md §4).
 */
public record Boot(String target, String enabled, String mode, List<String> allowableTargets) {

    public Boot {
        allowableTargets = List.copyOf(allowableTargets);
    }

    static Boot read(Fields system) {
        Fields b = system.object("Boot");
        if (b == null) {
            return null;
        }
        return new Boot(b.text("BootSourceOverrideTarget"), b.text("BootSourceOverrideEnabled"), b.text("BootSourceOverrideMode"),
                b.texts("BootSourceOverrideTarget@Redfish.AllowableValues"));
    }

    /** Whether {@code target} may be set; an unlisted set of targets allows every one. */
    public boolean allows(String value) {
        return allowableTargets.isEmpty() || allowableTargets.contains(value);
    }
}
