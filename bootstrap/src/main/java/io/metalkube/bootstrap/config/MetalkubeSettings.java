package io.metalkube.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every per-site setting under {@code metalkube.*} (application.yml documents each one; deploy/ sets them through
 * the metalkube-config ConfigMap as environment variables, e.g. METALKUBE_BACKEND).
 */
@ConfigurationProperties("metalkube")
public class MetalkubeSettings {

    private String backend;
    private int provisioningLimit = 20;

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public int getProvisioningLimit() {
        return provisioningLimit;
    }

    public void setProvisioningLimit(int provisioningLimit) {
        this.provisioningLimit = provisioningLimit;
    }

    /** metalkube.fixture.*: the simulated back-end (tests, the demo). */
    @ConfigurationProperties("fixture")
    public static class Fixture {
        private boolean allowInCluster;
        private Duration register = Duration.ofSeconds(1);
        private Duration inspect = Duration.ofSeconds(3);
        private Duration provision = Duration.ofSeconds(5);
        private Duration deprovision = Duration.ofSeconds(3);
        private Duration power = Duration.ofMillis(500);

        public boolean isAllowInCluster() { return allowInCluster; }
        public void setAllowInCluster(boolean v) { allowInCluster = v; }
        public Duration getRegister() { return register; }
        public void setRegister(Duration v) { register = v; }
        public Duration getInspect() { return inspect; }
        public void setInspect(Duration v) { inspect = v; }
        public Duration getProvision() { return provision; }
        public void setProvision(Duration v) { provision = v; }
        public Duration getDeprovision() { return deprovision; }
        public void setDeprovision(Duration v) { deprovision = v; }
        public Duration getPower() { return power; }
        public void setPower(Duration v) { power = v; }
    }

    /** metalkube.kubernetes.*: the API server, watched namespaces, client rate limit, leader election. */
    @ConfigurationProperties("kubernetes")
    public static class Kubernetes {
        private String masterUrl;
        private List<String> namespaces = new ArrayList<>();
        private double requestsPerSecond = 20;
        private boolean leaderElection = true;
        private String leaseName = "metalkube-operator";
        private String leaseNamespace;
        private String leaseIdentity;
        private Duration leaseDuration = Duration.ofSeconds(15);
        private Duration renewDeadline = Duration.ofSeconds(10);
        private Duration retryPeriod = Duration.ofSeconds(2);

        /** Unset: in-cluster service account or ~/.kube/config. Set: that URL without credentials (demo, dev). */
        public String getMasterUrl() { return masterUrl; }
        public void setMasterUrl(String v) { masterUrl = v; }
        /** Empty means every namespace. */
        public List<String> getNamespaces() { return namespaces; }
        public void setNamespaces(List<String> v) { namespaces = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        /** Client-side rate limit for every API call (token bucket; bursts of two seconds' worth). */
        public double getRequestsPerSecond() { return requestsPerSecond; }
        public void setRequestsPerSecond(double v) { requestsPerSecond = v; }
        public boolean isLeaderElection() { return leaderElection; }
        public void setLeaderElection(boolean v) { leaderElection = v; }
        public String getLeaseName() { return leaseName; }
        public void setLeaseName(String v) { leaseName = v; }
        /** Null means the namespace the pod runs in. */
        public String getLeaseNamespace() { return leaseNamespace; }
        public void setLeaseNamespace(String v) { leaseNamespace = v; }
        /** Null means the host name (the pod name in a Deployment). */
        public String getLeaseIdentity() { return leaseIdentity; }
        public void setLeaseIdentity(String v) { leaseIdentity = v; }
        public Duration getLeaseDuration() { return leaseDuration; }
        public void setLeaseDuration(Duration v) { leaseDuration = v; }
        public Duration getRenewDeadline() { return renewDeadline; }
        public void setRenewDeadline(Duration v) { renewDeadline = v; }
        public Duration getRetryPeriod() { return retryPeriod; }
        public void setRetryPeriod(Duration v) { retryPeriod = v; }
    }

    /** metalkube.ironic.*: the Ironic endpoint, its authentication and TLS. */
    @ConfigurationProperties("ironic")
    public static class Ironic {
        private String endpoint;
        private String auth = "noauth";
        private String username;
        private String passwordFile;
        private String caFile;
        private boolean insecureSkipTlsVerify;
        private Duration timeout = Duration.ofSeconds(30);

        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String v) { endpoint = v; }
        /** noauth or http_basic. */
        public String getAuth() { return auth; }
        public void setAuth(String v) { auth = v; }
        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        /** A file (a mounted Secret) holding the password; never the password itself. */
        public String getPasswordFile() { return passwordFile; }
        public void setPasswordFile(String v) { passwordFile = v; }
        public String getCaFile() { return caFile; }
        public void setCaFile(String v) { caFile = v; }
        public boolean isInsecureSkipTlsVerify() { return insecureSkipTlsVerify; }
        public void setInsecureSkipTlsVerify(boolean v) { insecureSkipTlsVerify = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
    }

    /** metalkube.ipmi.*: the direct RMCP+ client. */
    @ConfigurationProperties("ipmi")
    public static class Ipmi {
        private Duration timeout = Duration.ofSeconds(2);
        private int retries = 3;
        private int cipherSuite = 3;

        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public int getRetries() { return retries; }
        public void setRetries(int v) { retries = v; }
        public int getCipherSuite() { return cipherSuite; }
        public void setCipherSuite(int v) { cipherSuite = v; }
    }

    /** metalkube.discovery.*: periodic BMC scans that create hosts (ipmi back-end only). */
    @ConfigurationProperties("discovery")
    public static class Discovery {
        private boolean enabled;
        private List<String> ranges = new ArrayList<>();
        private String namespace = "metalkube";
        private Duration interval = Duration.ofMinutes(5);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        /** CIDRs or first-last ranges of BMC addresses. */
        public List<String> getRanges() { return ranges; }
        public void setRanges(List<String> v) { ranges = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public String getNamespace() { return namespace; }
        public void setNamespace(String v) { namespace = v; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration v) { interval = v; }
    }
}
