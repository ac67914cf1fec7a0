package io.metalkube.redfish.wire;

import java.util.List;

/**
 * A resource collection (DSP0266 §9.5.11 / schema *Collection): member URIs of this page and, when the service
 * pages, {@code Members@odata.nextLink}.
 */
public record ResourceCollection(List<String> members, String nextLink) {

    public ResourceCollection {
        members = List.copyOf(members);
    }

    public static ResourceCollection decode(byte[] body, String what) {
        Fields f = Fields.parse(body, what);
        if (!f.has("Members")) {
            throw new RedfishDecodeException(what + " has no \"Members\" array; it is not a Redfish collection");
        }
        return new ResourceCollection(f.links("Members"), f.text("Members@odata.nextLink"));
    }
}
