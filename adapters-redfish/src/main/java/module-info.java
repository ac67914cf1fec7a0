/**
 * Direct Redfish back-end (DMTF DSP0266): codec (wire), HTTP transport, sessions, BMC commands and the port
 * implementations. HTTP is the JDK's java.net.http; JSON is Jackson's tree model. No framework.
 */
module io.metalkube.adapters.redfish {
    requires io.metalkube.application;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    exports io.metalkube.redfish;
    exports io.metalkube.redfish.error;
}
