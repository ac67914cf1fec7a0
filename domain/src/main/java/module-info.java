/**
 * MetalKube's pure domain: bare-metal hosts, their provisioning lifecycle, claims and BMC addresses.
 * Requires nothing but java.base; time comes in as an argument, never from the ambient clock.
 */
module io.metalkube.domain {
    exports io.metalkube.domain.bmc;
    exports io.metalkube.domain.host;
    exports io.metalkube.domain.lifecycle;
    exports io.metalkube.domain.claim;
    exports io.metalkube.domain.discovery;
    exports io.metalkube.domain.validation;
}
