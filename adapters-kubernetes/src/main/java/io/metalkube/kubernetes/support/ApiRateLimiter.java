package io.metalkube.kubernetes.support;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Client-side rate limit for API calls: a token bucket (rate = requests per second, burst = two seconds' worth)
 * that makes a request wait for its token before it is sent. Watches count once, when they are opened.
 * <p>
 * Events have a bucket of their own at the same rate (as controller-runtime's event recorder has its own client), so
 * a burst of Events never delays a status write; so has the leader-election Lease (as client-go's leader elector has
 * its own client), so that renewing it never waits behind a thousand hosts' writes and misses its renew deadline. Within the main bucket, requests made on behalf of work that moves
 * a host through its provisioning slot ({@link Priority#HIGH}, set by the controller with {@link #withPriority}) get
 * tokens before everything else, and the writes for hosts that are only enrolling or waiting for a slot
 * ({@link Priority#LOW}) after everything else: with metal3's 20 hosts in flight and thousands waiting, the budget
 * goes to the hosts that progress.
 */
public final class ApiRateLimiter implements Interceptor {

    /** Who a request is for. */
    public enum Priority { HIGH, NORMAL, LOW }

    private static final ThreadLocal<Priority> PRIORITY = ThreadLocal.withInitial(() -> Priority.NORMAL);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Bucket main;
    private final Bucket events;
    private final Bucket leases;

    public ApiRateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + perSecond);
        }
        this.main = new Bucket(perSecond);
        this.events = new Bucket(perSecond);
        this.leases = new Bucket(perSecond);
    }

    /** Runs {@code work} with its API requests (on this thread) at {@code priority}. */
    public static <T> T withPriority(Priority priority, Callable<T> work) throws Exception {
        Priority before = PRIORITY.get();
        PRIORITY.set(priority);
        try {
            return work.call();
        } finally {
            PRIORITY.set(before);
        }
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String path = request.uri().getPath();
        if (path.endsWith("/events") || path.contains("/events/")) {
            events.acquire(Priority.NORMAL);
        } else if (path.startsWith("/apis/coordination.k8s.io/") && (path.endsWith("/leases") || path.contains("/leases/"))) {
            leases.acquire(Priority.NORMAL);
        } else {
            main.acquire(PRIORITY.get());
        }
    }

    /** Blocks until a token of the main bucket is free, at this thread's priority. */
    public void acquire() {
        main.acquire(PRIORITY.get());
    }

    /** Requests of {@code priority} waiting for a token of the main bucket (for tests). */
    int waiting(Priority priority) {
        return main.waiting(priority);
    }

    /** One token bucket; waiting requests are served by priority. */
    private static final class Bucket {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long last;
        private final int[] waiting = new int[Priority.values().length];

        Bucket(double perSecond) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.burst = Math.max(1, perSecond * 2);
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        void acquire(Priority priority) {
            long wait = reserve(priority, false);
            if (wait == 0) {
                return;
            }
            enqueue(priority, +1);
            try {
                while (wait > 0) {
                    LockSupport.parkNanos(wait);
                    wait = reserve(priority, true);
                }
            } finally {
                enqueue(priority, -1);
            }
        }

        synchronized int waiting(Priority priority) {
            return waiting[priority.ordinal()];
        }

        private synchronized void enqueue(Priority priority, int delta) {
            waiting[priority.ordinal()] += delta;
        }

        /** Takes a token and returns 0, or returns how long to wait before asking again. */
        private synchronized long reserve(Priority priority, boolean queued) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1 && !outranked(priority, queued)) {
                tokens -= 1;
                return 0;
            }
            return tokens >= 1 ? RECHECK_NANOS : Math.max(RECHECK_NANOS / 2, (long) Math.ceil((1 - tokens) / perNano));
        }

        /** True while a request of higher priority waits (and, for a newcomer, while one of the same priority waits). */
        private boolean outranked(Priority priority, boolean queued) {
            for (int p = 0; p < priority.ordinal(); p++) {
                if (waiting[p] > 0) {
                    return true;
                }
            }
            return !queued && waiting[priority.ordinal()] > 0;
        }
    }
}
