package io.metalkube.ironic.ops;

import io.metalkube.domain.host.HostId;

/** Ironic node names for hosts: {@code namespace~name}, as metal3 names them (so an existing metal3 Ironic is recognised). */
public final class NodeNames {

    private NodeNames() {
    }

    public static String of(HostId host) {
        return host.namespace() + "~" + host.name();
    }
}
