package io.metalkube.ipmi;

import io.metalkube.ipmi.crypto.CipherSuite;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the direct IPMI back-end. Defaults: 1 s per attempt × 3 attempts (a dead BMC is reported after 3 s),
 * cipher suite 3, keepalive every 20 s (BMCs drop idle sessions after about 60 s), insecure suites refused.
 * The cipher suite can be pinned per BMC ("host:port" → suite id), so a BMC that cannot negotiate never stalls us.
 */
public record IpmiSettings(Duration attemptTimeout, int attempts, int defaultCipherSuite, Map<String, Integer> hostCipherSuites,
                           boolean allowInsecureCipherSuites, Duration keepaliveInterval, Duration authFailureHold) {

    public IpmiSettings {
        hostCipherSuites = Map.copyOf(hostCipherSuites);
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || attempts < 1) {
            throw new IllegalArgumentException("IPMI attempt timeout must be positive and attempts at least 1");
        }
    }

    public static IpmiSettings defaults() {
        return new IpmiSettings(Duration.ofSeconds(1), 3, 3, Map.of(), false, Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    public IpmiSettings withTimeouts(Duration attemptTimeout, int attempts) {
        return new IpmiSettings(attemptTimeout, attempts, defaultCipherSuite, hostCipherSuites, allowInsecureCipherSuites,
                keepaliveInterval, authFailureHold);
    }

    public IpmiSettings withDefaultCipherSuite(int suite) {
        return new IpmiSettings(attemptTimeout, attempts, suite, hostCipherSuites, allowInsecureCipherSuites, keepaliveInterval, authFailureHold);
    }

    /** Pins the suite for one BMC, e.g. {@code withHostCipherSuite("10.0.0.7:623", 17)}. */
    public IpmiSettings withHostCipherSuite(String hostPort, int suite) {
        Map<String, Integer> copy = new HashMap<>(hostCipherSuites);
        copy.put(hostPort.toLowerCase(Locale.ROOT), suite);
        return new IpmiSettings(attemptTimeout, attempts, defaultCipherSuite, copy, allowInsecureCipherSuites, keepaliveInterval, authFailureHold);
    }

    /** Allows suite 0 (no authentication, integrity or encryption). Only for labs; never the default. */
    public IpmiSettings withAllowInsecureCipherSuites(boolean allow) {
        return new IpmiSettings(attemptTimeout, attempts, defaultCipherSuite, hostCipherSuites, allow, keepaliveInterval, authFailureHold);
    }

    public IpmiSettings withKeepaliveInterval(Duration interval) {
        return new IpmiSettings(attemptTimeout, attempts, defaultCipherSuite, hostCipherSuites, allowInsecureCipherSuites, interval, authFailureHold);
    }

    /** How long a refused password is answered from memory instead of retried (BMCs lock out repeated failures). */
    public IpmiSettings withAuthFailureHold(Duration hold) {
        return new IpmiSettings(attemptTimeout, attempts, defaultCipherSuite, hostCipherSuites, allowInsecureCipherSuites, keepaliveInterval, hold);
    }

    /** The suite id for a BMC: its pinned suite, else the default. */
    int suiteIdFor(String hostPort) {
        return hostCipherSuites.getOrDefault(hostPort.toLowerCase(Locale.ROOT), defaultCipherSuite);
    }

    /**
     * The suite to use for a BMC.
     *
     * @throws IllegalArgumentException when the id is not one this client speaks (0, 3, 17) or is insecure and not allowed
     */
    CipherSuite suiteFor(String hostPort) {
        int id = suiteIdFor(hostPort);
        CipherSuite suite = CipherSuite.byId(id).orElseThrow(() -> new IllegalArgumentException("cipher suite " + id
                + " is not supported by this client; use 3 (HMAC-SHA1/AES) or 17 (HMAC-SHA256/AES)"));
        if (!suite.secure() && !allowInsecureCipherSuites) {
            throw new IllegalArgumentException("cipher suite " + id + " has no authentication, integrity or encryption and is refused;"
                    + " use 3 or 17, or set allowInsecureCipherSuites for a lab");
        }
        return suite;
    }
}
