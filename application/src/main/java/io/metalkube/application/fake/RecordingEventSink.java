package io.metalkube.application.fake;

import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;

import java.util.ArrayList;
import java.util.List;

/** In-memory {@link HostEventSink}: keeps every event, for assertions. */
public final class RecordingEventSink implements HostEventSink {

    /** One published event and the host it is about. */
    public record Recorded(HostId host, HostEvent event) {
    }

    private final List<Recorded> events = new ArrayList<>();

    @Override
    public synchronized void publish(HostId host, HostEvent event) {
        events.add(new Recorded(host, event));
    }

    public synchronized List<Recorded> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> reasons(HostId host) {
        return events.stream().filter(r -> r.host().equals(host)).map(r -> r.event().reason()).toList();
    }
}
