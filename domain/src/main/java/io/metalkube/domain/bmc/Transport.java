package io.metalkube.domain.bmc;

/** How a BMC is reached: IPMI over UDP (RMCP+), or Redfish over HTTP or HTTPS. */
public enum Transport {
    UDP(623),
    HTTP(80),
    HTTPS(443);

    private final int defaultPort;

    Transport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
