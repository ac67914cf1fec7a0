/**
 * The Kubernetes adapter's facade, all that bootstrap needs: {@link io.metalkube.kubernetes.KubernetesPorts} (driven
 * side: the application's outbound ports on the API server), {@link io.metalkube.kubernetes.KubernetesOperator}
 * (driving side: JOSDK controllers calling the use cases), {@link io.metalkube.kubernetes.KubernetesClients} (the
 * rate-limited JDK-HTTP fabric8 client), and {@link io.metalkube.kubernetes.Crds}.
 * Everything in sub-packages is internal. (The tests' API server, {@code EmbeddedApiServer}, is test code.)
 */
package io.metalkube.kubernetes;
