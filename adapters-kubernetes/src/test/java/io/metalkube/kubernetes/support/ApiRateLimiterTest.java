package io.metalkube.kubernetes.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client-side token bucket: a burst of two seconds' worth, then the configured rate. */
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
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new ApiRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
