package io.metalkube.archfixture.application;

import io.metalkube.archfixture.redfish.wire.RedfishSystemJson;

/** Violates "wire types stay in their adapter": a use case handling the Redfish adapter's decoded JSON. */
public class ReadsRedfishJson {
    public String system(RedfishSystemJson json) {
        return json.odataId();
    }
}
