package io.metalkube.ipmi.session;

import io.metalkube.domain.bmc.PrivilegeLevel;
import io.metalkube.ipmi.crypto.CipherSuite;
import io.metalkube.ipmi.crypto.UserKey;

import java.nio.charset.StandardCharsets;

/** What one RMCP+ session needs: who, with which key, at which privilege, with which suite and timeouts. */
public record SessionParameters(String username, UserKey userKey, PrivilegeLevel privilege, CipherSuite suite,
                                Timeouts timeouts) {

    public SessionParameters {
        if (username.getBytes(StandardCharsets.ISO_8859_1).length > 16) {
            throw new IllegalArgumentException("an IPMI user name is at most 16 bytes");
        }
    }

    byte[] usernameBytes() {
        return username.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** RAKP role byte: the privilege plus bit 4, name-only lookup (IPMI v2.0 §13.20), as ipmitool sends it. */
    int role() {
        return 0x10 | privilege.code();
    }
}
