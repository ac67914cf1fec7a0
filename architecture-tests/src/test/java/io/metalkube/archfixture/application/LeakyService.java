package io.metalkube.archfixture.application;

import io.metalkube.archfixture.ironic.wire.IronicWireNode;

/** Violates "application knows only the domain": a use case reaching into an adapter's wire type. */
public class LeakyService {
    public String uuid(IronicWireNode node) {
        return node.uuid();
    }
}
