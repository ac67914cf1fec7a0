package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ProvisioningState;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one status write: every event its steps raised, in order, and one account of the state changes it
 * stores. That account is the path the write records ("from \"inspecting\" to \"available\" (through
 * \"preparing\")"), appended to the message of the last Normal event raised up to the last change (Registered,
 * InspectionComplete, ProvisioningStarted …: metal3's reasons), or, when no step up to it raised one, a
 * "StateChanged" event of its own. So each change of state is in an event, once, and a write costs one Event fewer
 * per change than a generic event beside each specific one (docs/decisions/0013-event-writes.md).
 */
public final class StateChangeEvents {

    /** The reason of the event that reports a state change no other event of its write names. */
    public static final String STATE_CHANGED = "StateChanged";

    private StateChangeEvents() {
    }

    /** The events to publish for {@code steps}, the decisions one status write records, in the order they were made. */
    public static List<HostEvent> of(List<Decision> steps) {
        List<Transition> path = new ArrayList<>();
        int lastMove = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).transitions().isEmpty()) {
                path.addAll(steps.get(i).transitions());
                lastMove = i;
            }
        }
        List<HostEvent> events = new ArrayList<>();
        int carrier = -1;
        for (int i = 0; i < steps.size(); i++) {
            for (HostEvent event : steps.get(i).events()) {
                events.add(event);
                if (i <= lastMove && event.severity() == HostEvent.Severity.NORMAL) {
                    carrier = events.size() - 1;
                }
            }
        }
        if (path.isEmpty()) {
            return events;
        }
        String change = describe(path);
        if (carrier < 0) {
            events.add(HostEvent.normal(STATE_CHANGED, change));
        } else {
            HostEvent e = events.get(carrier);
            events.set(carrier, new HostEvent(e.severity(), e.reason(), e.message() + "; " + change));
        }
        return List.copyOf(events);
    }

    /** How many state changes {@code event} reports (0 for none): what {@link #of} put in it, read back (for counting). */
    public static int changesReported(HostEvent event) {
        int at = event.message().lastIndexOf(CHANGED);
        if (at < 0) {
            return 0;
        }
        int through = event.message().indexOf(THROUGH, at);
        return through < 0 ? 1 : 2 + event.message().substring(through).split("\", \"", -1).length - 1;
    }

    private static final String CHANGED = "provisioning state changed from ";
    private static final String THROUGH = " (through ";

    /** "provisioning state changed from A to C (through B)": the first state, the last, and those between. */
    static String describe(List<Transition> path) {
        ProvisioningState from = path.getFirst().from();
        ProvisioningState to = path.getLast().to();
        List<String> through = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            through.add(Transition.label(path.get(i).to()));
        }
        return CHANGED + Transition.label(from) + " to " + Transition.label(to)
                + (through.isEmpty() ? "" : THROUGH + String.join(", ", through) + ")");
    }
}
