package io.metalkube.bootstrap.health;

import io.metalkube.bootstrap.metrics.BackendReachability;
import io.metalkube.bootstrap.wiring.SiteBackend;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The back-end's reachability as details of {@code /health} (judged from the latest real calls, see
 * {@link BackendReachability}): {@code reachable}, and while it is not, since when and why. The status is always UP,
 * because Micronaut counts every indicator that is not a liveness one in readiness, and an Ironic or BMC outage must
 * not take the operator out of its Service: that would turn the admission webhook ({@code failurePolicy: Fail}) into
 * a wall in front of every BareMetalHost and Machine write and stall rollouts, while no new replica could bring the
 * back-end back. The operator keeps reconciling and retrying; hosts show the outage as BackendUnavailable events, and
 * {@code metalkube_backend_reachable} and {@code metal3_provisioner_not_ready_total} are there for alerts.
 */
@Singleton
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
        reachability.down().ifPresentOrElse(down -> {
            details.put("reachable", false);
            details.put("since", down.since().toString());
            details.put("error", "back-end " + backend + " did not answer the last " + down.unavailableInARow()
                    + " calls: " + down.reason() + "; hosts are retried, nothing else waits for it");
        }, () -> details.put("reachable", true));
        return Publishers.just(HealthResult.builder("backend", HealthStatus.UP).details(details).build());
    }
}
