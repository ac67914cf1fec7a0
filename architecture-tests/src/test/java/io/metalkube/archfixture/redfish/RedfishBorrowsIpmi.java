package io.metalkube.archfixture.redfish;

import io.metalkube.archfixture.ipmi.ChattyIpmi;

/** Violates "adapters are independent": the Redfish adapter reaches into the IPMI adapter. */
public class RedfishBorrowsIpmi {
    public ChattyIpmi ipmi() {
        return new ChattyIpmi();
    }
}
