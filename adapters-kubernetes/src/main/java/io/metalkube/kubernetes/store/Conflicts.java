package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.application.port.out.ConflictException;

import java.net.HttpURLConnection;
import java.util.function.Supplier;

/** Turns the API server's optimistic-lock answers (409 Conflict, 404 gone) into the application's ConflictException. */
final class Conflicts {

    private Conflicts() {
    }

    /**
     * For metadata edits (fabric8's edit: GET, change, JSON patch locked on the resourceVersion it read): a 409 means
     * someone wrote in between, so read again and re-apply, up to three times, then report a conflict.
     */
    static <T> T retryingEdit(String what, Supplier<T> edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return edit.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                if (attempt == 3) {
                    throw new ConflictException(what + ": changed three times while editing (HTTP 409)");
                }
            }
        }
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
