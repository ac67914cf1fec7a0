package io.metalkube.domain.lifecycle;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;

/**
 * Everything a back-end needs to find and reach one host.
 *
 * @param provisionerId the back-end's own id from status.provisioning.ID, empty before registration
 * @param address       null when the address is unusable (only deletion runs then)
 * @param credentials   null when no usable credentials are known (only deletion runs then)
 * @param disablePowerOff spec.disablePowerOff: the host must never be left powered off; a back-end deprovisions
 *                      without powering it off (metal3 passes the same flag to Ironic's node at registration)
 */
public record BackendTarget(HostId host, String provisionerId, BmcAddress address, BmcCredentials credentials,
                            String bootMacAddress, boolean disableCertificateVerification, boolean disablePowerOff) {

    public BackendTarget {
        provisionerId = provisionerId == null ? "" : provisionerId;
        bootMacAddress = bootMacAddress == null ? "" : bootMacAddress;
    }

    /** A host that may be powered off. */
    public BackendTarget(HostId host, String provisionerId, BmcAddress address, BmcCredentials credentials,
                         String bootMacAddress, boolean disableCertificateVerification) {
        this(host, provisionerId, address, credentials, bootMacAddress, disableCertificateVerification, false);
    }

    public BackendTarget withProvisionerId(String id) {
        return new BackendTarget(host, id, address, credentials, bootMacAddress, disableCertificateVerification, disablePowerOff);
    }
}
