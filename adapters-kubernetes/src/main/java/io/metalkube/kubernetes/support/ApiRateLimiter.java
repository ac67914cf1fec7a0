package io.metalkube.kubernetes.support;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Client-side rate limit for API calls: a token bucket (rate = requests per second, burst = two seconds' worth)
 * that makes a request wait for its token before it is sent. Watches count once, when they are opened.
 */
public final class ApiRateLimiter implements Interceptor {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public ApiRateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + perSecond);
        }
        this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = Math.max(1, perSecond * 2);
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        acquire();
    }

    /** Blocks until a token is free. */
    public void acquire() {
        long wait = reserve();
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = reserve();
        }
    }

    /** Takes a token and returns 0, or returns how long to wait before asking again. */
    private synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
