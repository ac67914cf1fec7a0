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

    /** metalkube.machines.*: the Machine actuator. */
    @ConfigurationProperties("machines")
    public static class Machines {

        /**
         * metalkube.machines.default-image.*: what a Machine that names no image provisions (the seed's actuator wrote
         * a fixed image). Unset: such Machines claim only hosts that carry their own spec.image, or say why not.
         */
        @ConfigurationProperties("default-image")
        public static class DefaultImage {
            private String url;
            private String checksum;
            private String checksumType;
            private String format;

            public String getUrl() { return url; }
            public void setUrl(String v) { url = v; }
            /** The checksum value, or the URL of a checksum file (metal3 accepts both). */
            public String getChecksum() { return checksum; }
            public void setChecksum(String v) { checksum = v; }
            /** md5, sha256, sha512 or auto; unset = the back-end's default. */
            public String getChecksumType() { return checksumType; }
            public void setChecksumType(String v) { checksumType = v; }
            /** raw, qcow2, vdi, vmdk or live-iso; unset = the back-end decides. */
            public String getFormat() { return format; }
            public void setFormat(String v) { format = v; }
        }
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
        private String onLeaseLoss = "exit";
        private boolean serverSideApply = true;
        private String openshiftMachines = "auto";

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
        /** exit (default: stop acting at once, then exit so Kubernetes restarts the pod as a follower) or stop. */
        public String getOnLeaseLoss() { return onLeaseLoss; }
        public void setOnLeaseLoss(String v) { onLeaseLoss = v; }
        /** Finalizers added with server-side apply; false only for an API server without it (the demo's embedded one). */
        public boolean isServerSideApply() { return serverSideApply; }
        public void setServerSideApply(boolean v) { serverSideApply = v; }
        /**
         * machine.openshift.io/v1beta1 Machines: auto (default: served when the API server serves them), enabled (the
         * operator does not start without them) or disabled (never watched, e.g. where OpenShift's own actuator serves them).
         */
        public String getOpenshiftMachines() { return openshiftMachines; }
        public void setOpenshiftMachines(String v) { openshiftMachines = v; }
    }

    /** metalkube.ironic.*: the Ironic endpoint, its authentication and TLS, and how hosts are enrolled. */
    @ConfigurationProperties("ironic")
    public static class Ironic {
        private String endpoint;
        private String auth = "noauth";
        private String username;
        private String passwordFile;
        private String caFile;
        private boolean insecureSkipTlsVerify;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Integer cipherSuite = 3;
        private String deployKernelUrl;
        private String deployRamdiskUrl;
        private String hardwareMode = "real";

        /** http(s)://host:6385 */
        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String v) { endpoint = v; }
        /** noauth or http_basic (then username and password-file). */
        public String getAuth() { return auth; }
        public void setAuth(String v) { auth = v; }
        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        /** A file (a mounted Secret) holding the password; never the password itself. */
        public String getPasswordFile() { return passwordFile; }
        public void setPasswordFile(String v) { passwordFile = v; }
        /** PEM bundle of the CAs to trust for an https endpoint. */
        public String getCaFile() { return caFile; }
        public void setCaFile(String v) { caFile = v; }
        public boolean isInsecureSkipTlsVerify() { return insecureSkipTlsVerify; }
        public void setInsecureSkipTlsVerify(boolean v) { insecureSkipTlsVerify = v; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration v) { connectTimeout = v; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration v) { requestTimeout = v; }
        /** RMCP+ cipher suite Ironic uses for ipmi:// hosts; null lets Ironic probe. */
        public Integer getCipherSuite() { return cipherSuite; }
        public void setCipherSuite(Integer v) { cipherSuite = v; }
        public String getDeployKernelUrl() { return deployKernelUrl; }
        public void setDeployKernelUrl(String v) { deployKernelUrl = v; }
        public String getDeployRamdiskUrl() { return deployRamdiskUrl; }
        public void setDeployRamdiskUrl(String v) { deployRamdiskUrl = v; }
        /** real, fake or fake_with_ipmitool_power (test sites). */
        public String getHardwareMode() { return hardwareMode; }
        public void setHardwareMode(String v) { hardwareMode = v; }
    }

    /** metalkube.ipmi.*: the direct RMCP+ client. */
    @ConfigurationProperties("ipmi")
    public static class Ipmi {
        private Duration attemptTimeout = Duration.ofSeconds(1);
        private int attempts = 3;
        private int cipherSuite = 3;

        /** How long one request waits for the BMC's answer before it is sent again. */
        public Duration getAttemptTimeout() { return attemptTimeout; }
        public void setAttemptTimeout(Duration v) { attemptTimeout = v; }
        public int getAttempts() { return attempts; }
        public void setAttempts(int v) { attempts = v; }
        /** 3 (HMAC-SHA1, AES-CBC-128) or 17 (HMAC-SHA256, AES-CBC-128). */
        public int getCipherSuite() { return cipherSuite; }
        public void setCipherSuite(int v) { cipherSuite = v; }
    }

    /** metalkube.redfish.*: the direct Redfish client (metalkube.backend redfish or direct). */
    @ConfigurationProperties("redfish")
    public static class Redfish {
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(15);
        private Duration actionTimeout = Duration.ofSeconds(60);
        private Duration taskTimeout = Duration.ofSeconds(60);
        private int retries = 3;
        private Duration retryBackoff = Duration.ofMillis(500);
        private Duration powerChangeGrace = Duration.ofSeconds(30);
        private Duration authFailureHold = Duration.ofSeconds(30);
        private String caFile;

        /** How long a TCP connection to a BMC may take (a dead BMC is reported after it). */
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration v) { connectTimeout = v; }
        /** How long a BMC may take to answer one request. */
        public Duration getReadTimeout() { return readTimeout; }
        public void setReadTimeout(Duration v) { readTimeout = v; }
        /** How long an action that makes the BMC fetch an image (InsertMedia) may take. */
        public Duration getActionTimeout() { return actionTimeout; }
        public void setActionTimeout(Duration v) { actionTimeout = v; }
        /** How long a 202 Accepted task monitor is followed before the operation is reported as still running. */
        public Duration getTaskTimeout() { return taskTimeout; }
        public void setTaskTimeout(Duration v) { taskTimeout = v; }
        /** How often a 5xx answer or a dropped connection is retried (0: never). */
        public int getRetries() { return retries; }
        public void setRetries(int v) { retries = v; }
        /** The first wait before a retry; it doubles with each one (a BMC's Retry-After wins, up to 10 s). */
        public Duration getRetryBackoff() { return retryBackoff; }
        public void setRetryBackoff(Duration v) { retryBackoff = v; }
        /** How long an accepted power change is waited for before the reset is sent again. */
        public Duration getPowerChangeGrace() { return powerChangeGrace; }
        public void setPowerChangeGrace(Duration v) { powerChangeGrace = v; }
        /** How long refused BMC credentials are answered from memory, so reconciles cannot lock the BMC account (0: off). */
        public Duration getAuthFailureHold() { return authFailureHold; }
        public void setAuthFailureHold(Duration v) { authFailureHold = v; }
        /** PEM bundle of the CAs that sign BMC certificates; unset = the JDK's trust store. */
        public String getCaFile() { return caFile; }
        public void setCaFile(String v) { caFile = v; }
    }

    /** metalkube.direct.*: with metalkube.backend direct, which of MetalKube's own back-ends run; each host's scheme picks one. */
    @ConfigurationProperties("direct")
    public static class Direct {
        private List<String> backends = new ArrayList<>(List.of("ipmi", "redfish"));

        /** ipmi (ipmi://, libvirt://) and/or redfish (redfish*://, idrac-*://, ilo5-*://). */
        public List<String> getBackends() { return backends; }
        public void setBackends(List<String> v) { backends = v == null ? new ArrayList<>() : new ArrayList<>(v); }
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
        /** IPv4 CIDRs (or single addresses) where BMCs are scanned for (ipmi back-end; Ironic lists its own nodes). */
        public List<String> getRanges() { return ranges; }
        public void setRanges(List<String> v) { ranges = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public String getNamespace() { return namespace; }
        public void setNamespace(String v) { namespace = v; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration v) { interval = v; }
    }

    /** metalkube.log.*: how the operator logs. */
    @ConfigurationProperties("log")
    public static class Log {
        private String format = "text";

        /** text (default) or json: one JSON object per line (METALKUBE_LOG_FORMAT; read before anything logs). */
        public String getFormat() { return format; }
        public void setFormat(String v) { format = v; }
    }
}
