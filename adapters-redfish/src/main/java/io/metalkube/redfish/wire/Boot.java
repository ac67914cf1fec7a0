package io.metalkube.redfish.wire;

import java.util.List;

/**
 * ComputerSystem {@code Boot} (schema ComputerSystem.Boot, redfish.md §4): the boot source override. {@code mode} is
 * null on boards that lack {@code BootSourceOverrideMode} (some Supermicro X10). {@code httpBootUri} (ComputerSystem
 * v1_9) is the URI UEFI HTTP boot fetches; null when unset — sushy-tools reports an unset one as the string
 * {@code "None"}, read as unset too — and {@code httpBootUriSupported} says whether the BMC has the property at all
 * (Dell iDRAC models it as a BIOS attribute instead).
 */
public record Boot(String target, String enabled, String mode, List<String> allowableTargets, String httpBootUri,
                   boolean httpBootUriSupported) {

    public Boot {
        allowableTargets = List.copyOf(allowableTargets);
    }

    static Boot read(Fields system) {
        Fields b = system.object("Boot");
        if (b == null) {
            return null;
        }
        String uri = b.text("HttpBootUri");
        return new Boot(b.text("BootSourceOverrideTarget"), b.text("BootSourceOverrideEnabled"), b.text("BootSourceOverrideMode"),
                b.texts("BootSourceOverrideTarget@Redfish.AllowableValues"),
                uri == null || uri.isBlank() || uri.equals("None") ? null : uri, b.declares("HttpBootUri"));
    }

    /** Whether {@code target} may be set; an unlisted set of targets allows every one. */
    public boolean allows(String value) {
        return allowableTargets.isEmpty() || allowableTargets.contains(value);
    }

    /** Whether the BMC names {@code value} among its targets (not merely: lists none). */
    public boolean lists(String value) {
        return allowableTargets.contains(value);
    }
}
