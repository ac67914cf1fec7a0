package io.metalkube.redfish.command;

import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.wire.ResourceCollection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads every member URI of a collection, following {@code Members@odata.nextLink} pages (DSP0266 §9.5.11). */
public final class Members {

    static final int MAX_PAGES = 100;

    private Members() {
    }

    public static List<String> of(RedfishSession session, String collection, String what) {
        List<String> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = collection;
        for (int page = 0; next != null; page++) {
            if (page >= MAX_PAGES || !seen.add(next)) {
                throw new RedfishProtocolException(session.bmc(), what + " at " + collection + " pages endlessly (stopped after " + page + " pages)");
            }
            ResourceCollection c = ResourceCollection.decode(session.get(next).body(), what);
            all.addAll(c.members());
            next = c.nextLink();
        }
        return List.copyOf(all);
    }

    /** Members, or an empty list when the BMC does not implement the collection (404/405/501). */
    public static List<String> ofOptional(RedfishSession session, String collection, String what) {
        if (collection == null || session.getOptional(collection) == null) {
            return List.of();
        }
        return of(session, collection, what);
    }
}
