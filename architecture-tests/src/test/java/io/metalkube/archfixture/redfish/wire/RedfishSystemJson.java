package io.metalkube.archfixture.redfish.wire;

/** The Redfish adapter's wire type (a decoded ComputerSystem). */
public record RedfishSystemJson(String odataId) {
}
