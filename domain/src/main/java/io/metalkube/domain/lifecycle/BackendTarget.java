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
 */
public record BackendTarget(HostId host, String provisionerId, BmcAddress address, BmcCredentials credentials,
                            String bootMacAddress, boolean disableCertificateVerification) {

    public BackendTarget {
        provisionerId = provisionerId == null ? "" : provisionerId;
        bootMacAddress = bootMacAddress == null ? "" : bootMacAddress;
    }

    public BackendTarget withProvisionerId(String id) {
        return new BackendTarget(host, id, address, credentials, bootMacAddress, disableCertificateVerification);
    }
}
