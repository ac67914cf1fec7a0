package io.metalkube.application.fake;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;

/** Makes fixture hosts whose simulated BMC accepts exactly one password. */
final class FixtureTargets {

    private final FixtureBackend backend;
    private int next;

    FixtureTargets(FixtureBackend backend) {
        this.backend = backend;
    }

    BackendTarget next() {
        int n = ++next;
        BmcAddress address = BmcAddress.parse("ipmi://192.0.2." + n + ":623");
        backend.acceptOnly(address.toString(), "s3cret-" + n);
        return new BackendTarget(new HostId("test", "host-" + n), "", address, BmcCredentials.of("admin", "s3cret-" + n), "", false);
    }

    BackendTarget withWrongPassword(BackendTarget t) {
        return new BackendTarget(t.host(), t.provisionerId(), t.address(), BmcCredentials.of("admin", "wrong-password-123"),
                t.bootMacAddress(), t.disableCertificateVerification());
    }
}
