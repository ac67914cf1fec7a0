package io.metalkube.kubernetes.controller;

import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.support.ApiRateLimiter.Priority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose API requests go first under the client's rate limit: hosts that hold or are about to take a provisioning slot
 * before hosts that are only enrolling. A registered host about to take its slot used to wait behind a thousand new
 * hosts' first writes (and for a turn through the enrolment gate), so slots stood empty while enrolment ran (issue 14).
 */
class EnrolmentPriorityTest {

    @Test
    void aNewHostAndOneStillToRegisterAreEnrolling() {
        assertThat(BareMetalHostController.priority(host(null, null, false))).isEqualTo(Priority.LOW);
        assertThat(BareMetalHostController.priority(host("registering", "OK", false))).isEqualTo(Priority.LOW);
    }

    @Test
    void aRegisteredHostAboutToTakeItsSlotGoesFirst() {
        assertThat(BareMetalHostController.priority(host("registering", "OK", true))).isEqualTo(Priority.HIGH);
    }

    @Test
    void aDelayedHostAndHostsInOrPastTheirSlotGoFirst() {
        assertThat(BareMetalHostController.priority(host("registering", "delayed", true))).isEqualTo(Priority.HIGH);
        assertThat(BareMetalHostController.priority(host("inspecting", "OK", true))).isEqualTo(Priority.HIGH);
        assertThat(BareMetalHostController.priority(host("available", "OK", true))).isEqualTo(Priority.HIGH);
    }

    @Test
    void aHostWhoseRegistrationFailedIsEnrollingAgain() {
        BareMetalHost failed = host("registering", "error", true);
        failed.getStatus().errorType = "registration error";
        assertThat(BareMetalHostController.priority(failed)).isEqualTo(Priority.LOW);
    }

    private static BareMetalHost host(String state, String operationalStatus, boolean registered) {
        BareMetalHost h = new BareMetalHost();
        if (state == null) {
            return h;
        }
        BareMetalHostStatus status = new BareMetalHostStatus();
        status.operationalStatus = operationalStatus;
        status.provisioning = new BareMetalHostStatus.Provisioning();
        status.provisioning.state = state;
        if (registered) {
            status.goodCredentials = new BareMetalHostStatus.CredentialsStatus();
            status.goodCredentials.credentialsVersion = "1";
        }
        h.setStatus(status);
        return h;
    }
}
