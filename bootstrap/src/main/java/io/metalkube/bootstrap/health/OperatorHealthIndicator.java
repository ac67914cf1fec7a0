package io.metalkube.bootstrap.health;

import io.metalkube.bootstrap.wiring.OperatorService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Readiness: the operator's controllers are started, every informer is healthy (the API server answers) and it has
 * not lost the leader Lease. A follower is ready (it serves the webhook); the back-end plays no part
 * ({@link BackendHealthIndicator}).
 */
@Singleton
@Readiness
@Requires(beans = OperatorService.class)
public class OperatorHealthIndicator implements HealthIndicator {

    private final OperatorService operator;

    public OperatorHealthIndicator(OperatorService operator) {
        this.operator = operator;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean running = operator.running();
        return Publishers.just(HealthResult.builder("operator", running ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("running", running, "leadership", operator.leadership())).build());
    }
}
