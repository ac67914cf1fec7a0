package io.metalkube.kubernetes;

import java.util.Optional;
import java.util.Set;

/**
 * How the Kubernetes adapter talks to the API server.
 *
 * @param namespaces           namespaces to watch; empty means all (shard large sites by namespace across deployments)
 * @param apiRequestsPerSecond client-side rate limit for every API call of one client (token bucket, burst = 2 s worth)
 * @param leaderElection       a Lease to elect one active instance, or empty to run without election
 * @param operatorName         field manager, event source component and Lease holder prefix
 * @param serverSideApply      java-operator-sdk adds the finalizer with server-side apply (on by default: measured on a
 *                             real API server it never conflicts; docs/decisions/0016-server-side-apply.md); off only for
 *                             an API server without it, such as the demo's embedded one (fabric8's CRUD mock)
 */
public record KubernetesSettings(Set<String> namespaces, double apiRequestsPerSecond,
                                 Optional<LeaseSettings> leaderElection, String operatorName, boolean serverSideApply) {

    /** With server-side apply (every real API server has it). */
    public KubernetesSettings(Set<String> namespaces, double apiRequestsPerSecond, Optional<LeaseSettings> leaderElection,
                              String operatorName) {
        this(namespaces, apiRequestsPerSecond, leaderElection, operatorName, true);
    }

    public KubernetesSettings {
        namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
        leaderElection = leaderElection == null ? Optional.empty() : leaderElection;
        if (!(apiRequestsPerSecond > 0)) {
            throw new IllegalArgumentException("apiRequestsPerSecond must be positive, was " + apiRequestsPerSecond);
        }
        if (operatorName == null || operatorName.isBlank()) {
            throw new IllegalArgumentException("operatorName must not be blank");
        }
    }

    /** All namespaces, 50 requests per second, no leader election, name "metalkube", server-side apply. */
    public static KubernetesSettings defaults() {
        return new KubernetesSettings(Set.of(), 50, Optional.empty(), "metalkube", true);
    }

    public boolean watchesAllNamespaces() {
        return namespaces.isEmpty();
    }

    public KubernetesSettings withNamespaces(Set<String> v) {
        return new KubernetesSettings(v, apiRequestsPerSecond, leaderElection, operatorName, serverSideApply);
    }

    public KubernetesSettings withApiRequestsPerSecond(double v) {
        return new KubernetesSettings(namespaces, v, leaderElection, operatorName, serverSideApply);
    }

    public KubernetesSettings withLeaderElection(LeaseSettings v) {
        return new KubernetesSettings(namespaces, apiRequestsPerSecond, Optional.ofNullable(v), operatorName, serverSideApply);
    }

    public KubernetesSettings withOperatorName(String v) {
        return new KubernetesSettings(namespaces, apiRequestsPerSecond, leaderElection, v, serverSideApply);
    }

    public KubernetesSettings withServerSideApply(boolean v) {
        return new KubernetesSettings(namespaces, apiRequestsPerSecond, leaderElection, operatorName, v);
    }
}
