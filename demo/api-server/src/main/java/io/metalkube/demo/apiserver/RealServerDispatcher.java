package io.metalkube.demo.apiserver;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.util.Map;
import java.util.Queue;

/**
 * fabric8's CRUD dispatcher (with the expectations of {@link KubectlDiscovery} in front), made to behave like a real
 * API server where users notice the difference.
 */
final class RealServerDispatcher extends KubernetesMixedDispatcher {

    RealServerDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }
}
