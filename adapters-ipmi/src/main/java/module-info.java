/** Direct IPMI v2.0 (RMCP+) back-end: wire codec, session, transport and the port implementations. */
module io.metalkube.adapters.ipmi {
    requires io.metalkube.application;

    exports io.metalkube.ipmi;
    exports io.metalkube.ipmi.error;
}
