package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import org.junit.jupiter.api.Test;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * spec.customDeploy provisions like an image (metal3's NeedsProvisioning: online and a new image or custom deploy),
 * is carried to the back-end by the provisioning operation, recorded in status.provisioning.customDeploy, and
 * changing or clearing it deprovisions (metal3's provisioningCancelled).
 */
class CustomDeployTransitionsTest {

    private static final String METHOD = "install_coreos";

    @Test
    void anAvailableHostProvisionsWhenOnlineWithOnlyACustomDeploy() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).online().withCustomDeploy(METHOD).poweredOn(false).build());

        assertThat(d.status().state()).isEqualTo(PROVISIONING);
        assertThat(d.status().provisioning().customDeploy()).isEqualTo(new CustomDeploy(METHOD));
        assertThat(d.status().provisioning().image()).isNull();
        assertThat(d.events()).anyMatch(e -> e.reason().equals("ProvisioningStarted") && e.message().contains("custom deploy \"" + METHOD + "\""));
    }

    @Test
    void aCustomDeployWithoutOnlineDoesNotProvision() {
        Decision d = plan(aHost().managed().inState(AVAILABLE).offline().withCustomDeploy(METHOD).poweredOn(false).build());

        assertThat(d.status().state()).isEqualTo(AVAILABLE);
    }

    @Test
    void theProvisioningOperationCarriesTheMethodAndTheOptionalImage() {
        Host onlyMethod = aHost().managed().inState(PROVISIONING).online().withCustomDeploy(METHOD).provisionedWithCustomDeploy(METHOD).build();
        Host both = aHost().managed().inState(PROVISIONING).online().withCustomDeploy(METHOD).withImage(IMAGE)
                .provisionedWithCustomDeploy(METHOD).provisionedWith(IMAGE).build();

        assertThat(plan(onlyMethod).operation()).get().isInstanceOfSatisfying(Operation.Provision.class, p -> {
            assertThat(p.customDeploy()).isEqualTo(new CustomDeploy(METHOD));
            assertThat(p.image()).isNull();
            assertThat(p.deployment()).isEqualTo("custom deploy \"install_coreos\"");
        });
        assertThat(plan(both).operation()).get().isInstanceOfSatisfying(Operation.Provision.class, p -> {
            assertThat(p.customDeploy()).isEqualTo(new CustomDeploy(METHOD));
            assertThat(p.image()).isEqualTo(IMAGE);
            assertThat(p.deployment()).isEqualTo("custom deploy \"install_coreos\" with image " + IMAGE.url());
        });
    }

    @Test
    void aFinishedCustomDeployMakesTheHostProvisionedAndItStaysSo() {
        Host host = aHost().managed().inState(PROVISIONING).online().withCustomDeploy(METHOD).provisionedWithCustomDeploy(METHOD).build();

        Decision done = conclude(host, new Outcome.Done());
        Decision steady = plan(apply(host, done));

        assertThat(done.status().state()).isEqualTo(PROVISIONED);
        assertThat(done.events()).anyMatch(e -> e.reason().equals("ProvisioningComplete") && e.message().contains(METHOD));
        assertThat(steady.status().state()).isEqualTo(PROVISIONED);
        assertThat(LIFECYCLE.mayNeedCapacity(apply(host, done))).isFalse();
    }

    @Test
    void aBackEndThatCannotRunCustomDeploysSaysSoInTheHostStatus() {
        Host host = aHost().managed().inState(PROVISIONING).online().withCustomDeploy(METHOD).provisionedWithCustomDeploy(METHOD).build();

        Decision d = conclude(host, new Outcome.Failed("the ipmi back-end cannot run custom deploy \"install_coreos\"; use Ironic"));

        assertThat(d.status().errorType()).isEqualTo(ErrorType.PROVISIONING);
        assertThat(d.status().errorMessage()).contains("cannot run custom deploy");
        assertThat(d.status().state()).isEqualTo(PROVISIONING);
    }

    @Test
    void changingTheMethodOfAProvisionedHostDeprovisionsFirst() {
        Host host = aHost().managed().inState(PROVISIONED).online().withCustomDeploy("install_other")
                .provisionedWithCustomDeploy(METHOD).poweredOn(true).build();

        Decision d = plan(host);

        assertThat(LIFECYCLE.mayNeedCapacity(host)).isTrue();
        assertThat(d.status().state()).isEqualTo(DEPROVISIONING);
        assertThat(d.events()).anyMatch(e -> e.message().contains("custom deploy changed") && e.message().contains("install_other"));
    }

    @Test
    void clearingTheCustomDeployOfAProvisionedHostDeprovisions() {
        Host host = aHost().managed().inState(PROVISIONED).online().provisionedWithCustomDeploy(METHOD).poweredOn(true).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(DEPROVISIONING);
        assertThat(d.events()).anyMatch(e -> e.message().contains("custom deploy cleared"));
    }

    @Test
    void replacingAnImageByACustomDeployWhileProvisioningDeprovisions() {
        Host host = aHost().managed().inState(PROVISIONING).online().withCustomDeploy(METHOD).provisionedWith(IMAGE).build();

        assertThat(plan(host).status().state()).isEqualTo(DEPROVISIONING);
    }

    @Test
    void aFinishedDeprovisioningForgetsTheCustomDeployAndStartsTheNewOne() {
        Host toAvailable = aHost().managed().inState(DEPROVISIONING).provisionedWithCustomDeploy(METHOD).build();
        Host toNext = aHost().managed().inState(DEPROVISIONING).online().withCustomDeploy("install_other")
                .provisionedWithCustomDeploy(METHOD).build();

        Decision available = conclude(toAvailable, new Outcome.Done());
        Decision next = conclude(toNext, new Outcome.Done());

        assertThat(available.status().state()).isEqualTo(AVAILABLE);
        assertThat(available.status().provisioning().customDeploy()).isNull();
        assertThat(next.status().state()).isEqualTo(PROVISIONING);
        assertThat(next.status().provisioning().customDeploy()).isEqualTo(new CustomDeploy("install_other"));
    }

    @Test
    void clearingExternallyProvisionedRecordsTheCustomDeployAsProvisioned() {
        Host host = aHost().managed().inState(EXTERNALLY_PROVISIONED).online().withCustomDeploy(METHOD).poweredOn(true).build();

        Decision d = plan(host);

        assertThat(d.status().state()).isEqualTo(PROVISIONED);
        assertThat(d.status().provisioning().customDeploy()).isEqualTo(new CustomDeploy(METHOD));
        assertThat(plan(apply(host, d)).status().state()).isEqualTo(PROVISIONED);
    }

    @Test
    void aCustomDeployNeedsAMethodAsInMetal3WhichIgnoresAnEmptyOne() {
        assertThat(CustomDeploy.ofNullable("")).isNull();
        assertThat(CustomDeploy.ofNullable(null)).isNull();
        assertThat(CustomDeploy.ofNullable("install_coreos")).isEqualTo(new CustomDeploy("install_coreos"));
        assertThatThrownBy(() -> new CustomDeploy(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
