package io.metalkube.domain.validation;

import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.SecretRef;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostValidatorTest {

    private final HostValidator validator = new HostValidator();

    private static Host host(String name, HostSpec spec) {
        return Host.newHost(new HostId("dc1", name), Map.of(), spec);
    }

    private static HostSpec ipmi() {
        return HostSpec.empty().withBmc(new BmcDetails("ipmi://10.0.0.1", "bmc-secret", false)).withOnline(true);
    }

    @Test
    void aGoodHostHasNoProblems() {
        assertThat(validator.validate(host("worker-0", ipmi().withBootMACAddress("52:54:00:aa:bb:cc")
                .withImage(Image.of("https://images.example/os.qcow2", "abc"))))).isEmpty();
    }

    @Test
    void aCustomDeployNeedsNoImageButAnImageBesideItFollowsTheImageRulesAsInMetal3sWebhook() {
        HostSpec custom = ipmi().withCustomDeploy(new CustomDeploy("install_coreos"));

        assertThat(validator.validate(host("coreos-0", custom))).isEmpty();
        assertThat(validator.validate(host("coreos-1", custom.withImage(Image.of("ftp://images.example/os.iso", "")))))
                .singleElement().asString().contains("spec.image.url").contains("not an http(s), file or oci URL");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails("foo://x", "s", false)).withBootMACAddress("52:54:00")
                .withImage(Image.of("", "")).withUserData(new SecretRef("ud", "other-ns"))
                .withOnline(false);
        spec = new HostSpec(spec.bmc(), spec.bootMACAddress(), false, spec.image(), spec.userData(), null, null, null,
                false, null, null, BootMode.UEFI, true);
        assertThat(validator.validate(host("bad name!", spec))).hasSize(6)
                .anyMatch(p -> p.contains("metadata.name"))
                .anyMatch(p -> p.contains("unknown BMC scheme \"foo\""))
                .anyMatch(p -> p.contains("bootMACAddress \"52:54:00\""))
                .anyMatch(p -> p.contains("spec.image.url is required"))
                .anyMatch(p -> p.contains("namespace \"other-ns\""))
                .anyMatch(p -> p.contains("disablePowerOff"));
    }

    @Test
    void namesThatAreUuidsAreRefused() {
        assertThat(validator.validate(host("0f8fad5b-d9cb-469f-a165-70867728950e", ipmi()))).singleElement()
                .asString().contains("UUID");
    }

    @Test
    void driverCapabilitiesAreChecked() {
        HostSpec libvirt = HostSpec.empty().withBmc(new BmcDetails("libvirt://10.0.0.1", "s", false));
        assertThat(validator.validate(host("vm", libvirt))).singleElement().asString().contains("bootMACAddress is required");
        HostSpec secure = new HostSpec(ipmi().bmc(), "", true, null, null, null, null, null, false, null, null, BootMode.UEFI_SECURE_BOOT, false);
        assertThat(validator.validate(host("sb", secure))).singleElement().asString().contains("UEFISecureBoot");
    }

    @Test
    void theBmcAddressMayChangeOnlyWhileRegisteringOrDetached() {
        Host before = host("h", ipmi());
        Host provisioned = before.withStatus(before.status().withState(ProvisioningState.PROVISIONED));
        Host moved = provisioned.withSpec(provisioned.spec().withBmc(new BmcDetails("ipmi://10.0.0.2", "bmc-secret", false)));
        assertThat(validator.validateUpdate(provisioned, moved)).singleElement().asString().contains("cannot change in state \"provisioned\"");
        Host registering = before.withStatus(before.status().withState(ProvisioningState.REGISTERING));
        assertThat(validator.validateUpdate(registering, moved.withStatus(registering.status()))).isEmpty();
    }

    @Test
    void theBootMacCannotChangeOnceSet() {
        Host before = host("h", ipmi().withBootMACAddress("52:54:00:aa:bb:cc"));
        Host after = before.withSpec(before.spec().withBootMACAddress("52:54:00:aa:bb:dd"));
        assertThat(validator.validateUpdate(before, after)).singleElement().asString().contains("cannot change once set");
        assertThat(validator.validateUpdate(before, before.withSpec(before.spec().withBootMACAddress("52:54:00:AA:BB:CC")))).isEmpty();
    }
}
