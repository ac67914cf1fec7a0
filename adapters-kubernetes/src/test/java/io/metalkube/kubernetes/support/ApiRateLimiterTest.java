package io.metalkube.kubernetes.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The client-side token bucket: a burst of two seconds' worth, then the configured rate; priorities. */
class ApiRateLimiterTest {

    @Test
    void aBurstPassesThenRequestsWaitForTokens() {
        ApiRateLimiter limiter = new ApiRateLimiter(5);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            limiter.acquire();
        }
        long burstMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(burstMillis).as("10 = the burst of 2 s at 5/s, no waiting").isLessThan(150);

        start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMillis).as("3 more at 5/s take about 600 ms").isBetween(400L, 3_000L);
    }

    @Test
    void whileRequestsForWaitingHostsQueueARequestForAHostInFlightGoesFirst() throws Exception {
        ApiRateLimiter limiter = new ApiRateLimiter(5);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(); // the burst
        }
        List<String> served = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "low-" + i;
            threads.add(Thread.ofPlatform().start(() -> run(ApiRateLimiter.Priority.LOW, limiter, served, name)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> limiter.waiting(ApiRateLimiter.Priority.LOW) + served.size() == 3);
        threads.add(Thread.ofPlatform().start(() -> run(ApiRateLimiter.Priority.HIGH, limiter, served, "high")));
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(served).hasSize(4);
        assertThat(served.indexOf("high")).as("served order %s: the high-priority request overtakes the queued low ones", served)
                .isLessThanOrEqualTo(1);
    }

    private static void run(ApiRateLimiter.Priority priority, ApiRateLimiter limiter, List<String> served, String name) {
        try {
            ApiRateLimiter.withPriority(priority, () -> {
                limiter.acquire();
                served.add(name);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLeaseIsRenewedWithoutWaitingBehindTheControllersRequests() {
        ApiRateLimiter limiter = new ApiRateLimiter(1);
        for (int i = 0; i < 2; i++) {
            limiter.acquire(); // the main bucket's burst: the next controller request would wait a second
        }
        long start = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            limiter.before(null, request("/apis/coordination.k8s.io/v1/namespaces/metalkube/leases/metalkube"), null);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("two Lease requests, their own bucket's burst").isLessThan(500);
    }

    private static io.fabric8.kubernetes.client.http.HttpRequest request(String path) {
        return new io.fabric8.kubernetes.client.http.StandardHttpRequest.Builder().uri(java.net.URI.create("https://127.0.0.1:6443" + path)).build();
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new ApiRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
