package io.metalkube.application.port.out;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;

/** Outbound port: publishes user-visible events about a host. */
public interface HostEventSink {

    void publish(HostId host, HostEvent event);
}
