package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the operator could not start, in words a site's administrator can act on (java-operator-sdk only says "Error
 * starting operator"): when the API server refused a request (403) the message names the permission the operator's
 * account lacks (verb, resource and namespace); when it does not serve a resource (404), which one; JOSDK's own
 * Lease permission check is spelled out.
 */
public final class OperatorStartException extends RuntimeException {

    private static final Pattern REQUEST = Pattern.compile("Failure executing: (\\w+) at: (\\S+?)\\.? Message:");
    private static final String RBAC_HINT = "deploy/rbac.yaml grants what the operator needs: apply it and check that the "
            + "bindings name the ServiceAccount the operator runs as";

    OperatorStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The start-up failure {@code failure}, explained for an operator configured with {@code settings}. */
    static OperatorStartException explain(RuntimeException failure, KubernetesSettings settings) {
        String name = "operator " + settings.operatorName();
        Optional<KubernetesClientException> api = apiError(failure);
        String leaseNamespace = settings.leaderElection().map(LeaseSettings::leaseNamespace).orElse("?");
        if (api.isEmpty()) {
            if (String.valueOf(rootMessage(failure)).startsWith("No permission to lease resource")) {
                return new OperatorStartException(name + " cannot start: leader election needs get, create and update on "
                        + "leases.coordination.k8s.io in namespace " + leaseNamespace + ", and the API server's "
                        + "SelfSubjectRulesReview lists no such rule for this account; " + RBAC_HINT
                        + " (its Role metalkube-leader-election), or turn leader election off", failure);
            }
            return new OperatorStartException(name + " cannot start: " + rootMessage(failure), failure);
        }
        KubernetesClientException e = api.get();
        String request = describe(e);
        String status = "HTTP " + e.getCode() + (e.getStatus() != null && e.getStatus().getMessage() != null
                ? ": " + e.getStatus().getMessage() : "");
        String purpose = isRulesReview(e) ? " (leader election checks its Lease permissions with it, in namespace "
                + leaseNamespace + ")" : "";
        return new OperatorStartException(switch (e.getCode()) {
            case 401 -> name + " cannot start: the API server does not accept its credentials for " + request + " (" + status
                    + "); check the kubeconfig or the ServiceAccount token";
            case 403 -> name + " cannot start: it may not " + request + purpose + " (" + status + "); " + RBAC_HINT;
            case 404 -> name + " cannot start: the API server does not serve " + resource(e) + purpose + " (" + status + ")"
                    + (isRulesReview(e) ? "; use an API server with authorization.k8s.io/v1, or turn leader election off"
                    : "; install the CRDs (kubectl apply -k deploy/) and check the API server's version");
            default -> name + " cannot start: " + request + purpose + " failed (" + status + ")";
        }, failure);
    }

    private static Optional<KubernetesClientException> apiError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() > 0) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    /** "create selfsubjectrulesreviews.authorization.k8s.io", "list baremetalhosts.metal3.io in namespace x". */
    static String describe(KubernetesClientException e) {
        Matcher m = REQUEST.matcher(String.valueOf(e.getMessage()));
        String method = m.find() ? m.group(1) : "";
        String url = m.group(0).isEmpty() ? "" : m.group(2);
        boolean named = e.getName() != null && !e.getName().isBlank();
        String verb = switch (method) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            case "GET" -> url.contains("watch=true") ? "watch" : named ? "get" : "list";
            default -> method.isEmpty() ? "use" : method;
        };
        String where = e.getNamespace() != null && !e.getNamespace().isBlank() ? " in namespace " + e.getNamespace()
                : url.contains("/namespaces/") ? "" : " at the cluster scope";
        return verb + " " + resource(e) + (named ? " " + e.getName() : "") + where;
    }

    private static String resource(KubernetesClientException e) {
        String full = e.getFullResourceName();
        return full == null || full.isBlank() ? "(the requested resource)" : full;
    }

    private static boolean isRulesReview(KubernetesClientException e) {
        return "selfsubjectrulesreviews".equals(e.getResourcePlural());
    }
}
