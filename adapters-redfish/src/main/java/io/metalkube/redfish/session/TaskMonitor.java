package io.metalkube.redfish.session;

import io.metalkube.redfish.transport.HttpExchange;
import io.metalkube.redfish.wire.RedfishDecodeException;
import io.metalkube.redfish.wire.Task;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Follows a {@code 202 Accepted} to its end (DSP0266 §12.2): GET the {@code Location} task monitor, waiting
 * {@code Retry-After} (1 s when absent, as sushy) between polls, until it stops answering 202. The final answer is the
 * operation's own, "as if it had completed synchronously". A monitor that returns a Task body reports its TaskState;
 * a failed task becomes an error status. Bounded by the settings' task timeout.
 */
final class TaskMonitor {

    private TaskMonitor() {
    }

    static HttpExchange follow(RedfishSession session, HttpExchange first) {
        if (first.status() != 202) {
            return first;
        }
        String monitor = first.header("Location").map(RedfishSession::pathOf).orElse(null);
        if (monitor == null) {
            return first; // accepted without a monitor: the caller observes the result itself
        }
        long deadline = System.nanoTime() + session.settings().taskTimeout().toNanos();
        HttpExchange current = first;
        while (true) {
            Duration wait = RetryAfter.parse(current.header("Retry-After").orElse(null), ZonedDateTime.now());
            wait = wait == null ? Duration.ofSeconds(1) : wait.compareTo(session.settings().maxRetryAfter()) > 0 ? session.settings().maxRetryAfter() : wait;
            if (System.nanoTime() + wait.toNanos() > deadline) {
                return current;
            }
            RedfishSession.sleep(wait);
            HttpExchange polled = session.authenticated("GET", monitor, null, Map.of(), null);
            if (polled.status() == 404 && current == first) {
                continue; // iDRAC10: the job URI may not exist yet (sushy faaf6cb6); poll again until the deadline
            }
            if (polled.status() != 202) {
                return finished(polled);
            }
            current = polled;
        }
    }

    /** A 200 whose body is a Task in state Exception/Killed/Cancelled is the operation failing. */
    private static HttpExchange finished(HttpExchange polled) {
        if (polled.status() != 200) {
            return polled;
        }
        try {
            Task task = Task.decode(polled.body());
            String state = task.taskState();
            if (state != null && (state.equals("Exception") || state.equals("Killed") || state.equals("Cancelled"))) {
                return new HttpExchange(500, polled.headers(), polled.body(), polled.uri());
            }
        } catch (RedfishDecodeException notATask) {
            // the operation's own body: fine
        }
        return polled;
    }
}
