package io.metalkube.archfixture.ironic.wire;

/** An adapter's wire type. */
public record IronicWireNode(String uuid) {
}
