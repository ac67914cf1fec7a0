package io.metalkube.domain.validation;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcAddressException;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.SecretRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What metal3's webhook rejects (metal3-anchors.md §1.7), as pure checks that return every violation at once.
 * The admission webhook and the controller both use it, so an object that bypassed the webhook still gets the
 * same clear message in its status.
 */
public final class HostValidator {

    private static final Pattern MAC = Pattern.compile("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]{1,253}$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** Problems with a host as it stands (create, or the new side of an update). */
    public List<String> validate(Host host) {
        List<String> problems = new ArrayList<>();
        String name = host.id().name();
        if (!NAME.matcher(name).matches()) {
            problems.add("metadata.name \"" + name + "\" may contain only letters, digits, '.', '_' and '-'");
        } else if (UUID.matcher(name).matches()) {
            problems.add("metadata.name must not be a UUID (back-ends use UUIDs as node ids)");
        }
        HostSpec spec = host.spec();
        BmcAddress address = null;
        if (!spec.bmc().address().isBlank()) {
            try {
                address = BmcAddress.parse(spec.bmc().address());
            } catch (BmcAddressException e) {
                problems.add("spec.bmc.address: " + e.getMessage());
            }
        }
        if (!spec.bootMACAddress().isEmpty() && !MAC.matcher(spec.bootMACAddress()).matches()) {
            problems.add("spec.bootMACAddress \"" + spec.bootMACAddress() + "\" is not a MAC address like 52:54:00:12:34:56");
        }
        if (address != null && address.capabilities().needsBootMac() && spec.bootMACAddress().isEmpty()) {
            problems.add("spec.bootMACAddress is required for " + address.scheme().name() + " BMCs");
        }
        if (address != null && spec.bootMode() == BootMode.UEFI_SECURE_BOOT && !address.capabilities().secureBoot()) {
            problems.add("spec.bootMode UEFISecureBoot is not supported by " + address.scheme().name() + " BMCs");
        }
        if (spec.image() != null) {
            if (!spec.image().hasUrl()) {
                problems.add("spec.image.url is required when spec.image is set");
            } else if (!looksLikeUrl(spec.image().url())) {
                problems.add("spec.image.url \"" + spec.image().url() + "\" is not an http(s), file or oci URL");
            }
        }
        secretInOwnNamespace(problems, "spec.userData", spec.userData(), host);
        secretInOwnNamespace(problems, "spec.networkData", spec.networkData(), host);
        secretInOwnNamespace(problems, "spec.metaData", spec.metaData(), host);
        if (!spec.online() && spec.disablePowerOff()) {
            problems.add("spec.online cannot be false while spec.disablePowerOff is true");
        }
        if (spec.rootDeviceHints() != null && spec.rootDeviceHints().deviceName() != null
                && !spec.rootDeviceHints().deviceName().startsWith("/dev/")) {
            problems.add("spec.rootDeviceHints.deviceName must be a path under /dev/");
        }
        return problems;
    }

    /** Problems with changing {@code before} into {@code after}: everything {@link #validate} finds, plus immutability. */
    public List<String> validateUpdate(Host before, Host after) {
        List<String> problems = new ArrayList<>(validate(after));
        String oldAddress = before.spec().bmc().address();
        String newAddress = after.spec().bmc().address();
        ProvisioningState state = before.state();
        boolean detached = before.annotations().isDetached() || before.status().operationalStatus() == OperationalStatus.DETACHED;
        boolean mayChangeBmc = state == ProvisioningState.NONE || state == ProvisioningState.UNMANAGED
                || state == ProvisioningState.REGISTERING || detached;
        if (!oldAddress.isBlank() && !Objects.equals(oldAddress, newAddress) && !mayChangeBmc) {
            problems.add("spec.bmc.address cannot change in state \"" + state.wireName()
                    + "\"; only while registering or when the host is detached");
        }
        String oldMac = before.spec().bootMACAddress();
        if (!oldMac.isEmpty() && !oldMac.equalsIgnoreCase(after.spec().bootMACAddress())) {
            problems.add("spec.bootMACAddress cannot change once set (was " + oldMac + ")");
        }
        return problems;
    }

    private static void secretInOwnNamespace(List<String> problems, String field, SecretRef ref, Host host) {
        if (ref != null && ref.crossesNamespace(host.id().namespace())) {
            problems.add(field + " refers to a Secret in namespace \"" + ref.namespace()
                    + "\"; only Secrets in the host's own namespace \"" + host.id().namespace() + "\" may be used");
        }
    }

    private static boolean looksLikeUrl(String url) {
        return url.matches("^(https?|file|oci)://[^\\s]+$");
    }
}
