package io.metalkube.archfixture.ipmi;

import io.metalkube.archfixture.ironic.wire.IronicWireNode;

/** Violates "adapters are independent": the IPMI adapter calls into the Ironic adapter. */
public class ChattyIpmi {
    public IronicWireNode node() {
        return new IronicWireNode("x");
    }
}
