package io.metalkube.archfixture.bootstrap;

import io.metalkube.archfixture.ironic.wire.IronicWireNode;

/** Violates "wire types stay inside their adapter": the composition root handles an adapter's JSON record. */
public class PeeksAtWire {
    public String uuid(IronicWireNode node) {
        return node.uuid();
    }
}
