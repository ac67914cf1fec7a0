package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.application.port.out.ConflictException;

import java.net.HttpURLConnection;
import java.util.function.Supplier;

/** Turns the API server's optimistic-lock answers (409 Conflict, 404 gone) into the application's ConflictException. */
final class Conflicts {

    private Conflicts() {
    }

    static <T> T guard(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new ConflictException(what + ": someone else changed it first (HTTP 409)");
            }
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw new ConflictException(what + ": it no longer exists (HTTP 404)");
            }
            throw e;
        }
    }
}
