package io.metalkube.ironic;

import io.metalkube.ironic.driver.HardwareMode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How MetalKube reaches and uses one Ironic. Start from {@link #defaults(URI)}; every {@code with...} returns a copy.
 * The basic-auth password is never part of {@link #toString()}.
 *
 * @param lockRetryBudget     how long one call rides out 409 "node locked" answers before reporting progress
 * @param pollInterval        how soon a reconcile asks again while Ironic works on a node
 * @param ipmiCipherSuite     RMCP+ cipher suite for ipmi nodes (3 = HMAC-SHA1/AES-128), null lets Ironic probe
 */
public record IronicSettings(URI endpoint, String basicAuthUser, String basicAuthPassword, Path caBundle, boolean insecureTls,
                             int provisioningLimit, Duration connectTimeout, Duration requestTimeout, Duration lockRetryBudget,
                             Duration pollInterval, Duration softPowerOffTimeout, HardwareMode hardwareMode, Integer ipmiCipherSuite,
                             String deployKernelUrl, String deployRamdiskUrl) {

    public IronicSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the Ironic endpoint must be an http:// or https:// URL, got " + endpoint);
        }
        if (provisioningLimit < 1) {
            throw new IllegalArgumentException("the provisioning limit must be at least 1, got " + provisioningLimit);
        }
        Objects.requireNonNull(hardwareMode, "hardwareMode");
    }

    /** noauth, JDK trust store, limit 20 (metal3's PROVISIONING_LIMIT), 5 s connect / 30 s request timeouts. */
    public static IronicSettings defaults(URI endpoint) {
        return new IronicSettings(endpoint, null, null, null, false, 20, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(180), HardwareMode.REAL, 3, null, null);
    }

    public IronicSettings withBasicAuth(String user, String password) {
        if (user == null || user.isEmpty() || password == null) {
            throw new IllegalArgumentException("HTTP basic auth for Ironic needs a user name and a password");
        }
        return new IronicSettings(endpoint, user, password, caBundle, insecureTls, provisioningLimit, connectTimeout, requestTimeout,
                lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    /** Trust only the CAs in this PEM bundle for https endpoints. */
    public IronicSettings withCaBundle(Path bundle) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, bundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    /** Explicit opt-in: accept any certificate from Ironic (test sites only). */
    public IronicSettings withInsecureTls(boolean insecure) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecure, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    public IronicSettings withProvisioningLimit(int limit) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, limit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    public IronicSettings withTimeouts(Duration connect, Duration request) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connect,
                request, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    public IronicSettings withLockRetryBudget(Duration budget) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, budget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    public IronicSettings withPollInterval(Duration poll) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, poll, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    public IronicSettings withSoftPowerOffTimeout(Duration timeout) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, timeout, hardwareMode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    /** REAL (default) or one of the fake-hardware test modes. */
    public IronicSettings withHardwareMode(HardwareMode mode) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, mode, ipmiCipherSuite, deployKernelUrl, deployRamdiskUrl);
    }

    /** null lets Ironic probe (slow against BMCs that ignore the sessionless cipher-suite query). */
    public IronicSettings withIpmiCipherSuite(Integer suite) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, suite, deployKernelUrl, deployRamdiskUrl);
    }

    /** The deploy ramdisk for real hardware types (driver_info deploy_kernel / deploy_ramdisk). */
    public IronicSettings withDeployRamdisk(String kernelUrl, String ramdiskUrl) {
        return new IronicSettings(endpoint, basicAuthUser, basicAuthPassword, caBundle, insecureTls, provisioningLimit, connectTimeout,
                requestTimeout, lockRetryBudget, pollInterval, softPowerOffTimeout, hardwareMode, ipmiCipherSuite, kernelUrl, ramdiskUrl);
    }

    @Override
    public String toString() {
        return "IronicSettings[endpoint=" + endpoint + ", auth=" + (basicAuthUser == null ? "none" : "basic " + basicAuthUser + ":***")
                + ", caBundle=" + caBundle + ", insecureTls=" + insecureTls + ", provisioningLimit=" + provisioningLimit
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", lockRetryBudget=" + lockRetryBudget
                + ", pollInterval=" + pollInterval + ", softPowerOffTimeout=" + softPowerOffTimeout + ", hardwareMode=" + hardwareMode
                + ", ipmiCipherSuite=" + ipmiCipherSuite + ", deployKernelUrl=" + deployKernelUrl + ", deployRamdiskUrl=" + deployRamdiskUrl + "]";
    }
}
