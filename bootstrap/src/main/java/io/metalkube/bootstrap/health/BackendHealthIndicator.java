package io.metalkube.bootstrap.health;

import io.metalkube.bootstrap.metrics.BackendReachability;
import io.metalkube.bootstrap.wiring.SiteBackend;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness: the back-end answers (judged from the latest real calls, see {@link BackendReachability}). */
@Singleton
@Readiness
public class BackendHealthIndicator implements HealthIndicator {

    private final BackendReachability reachability;
    private final String backend;

    public BackendHealthIndicator(BackendReachability reachability, SiteBackend site) {
        this.reachability = reachability;
        this.backend = site.backend().name();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", backend);
        HealthStatus status = reachability.down().map(down -> {
            details.put("error", "back-end " + backend + " did not answer the last " + down.unavailableInARow()
                    + " calls (since " + down.since() + "): " + down.reason());
            return HealthStatus.DOWN;
        }).orElse(HealthStatus.UP);
        return Publishers.just(HealthResult.builder("backend", status).details(details).build());
    }
}
