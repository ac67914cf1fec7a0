package io.metalkube.application.service;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 6, through the use case: a host in a credentials error whose Secret is fixed registers within
 * seconds, even when nothing tells the operator that the Secret changed (an unlabelled Secret under read-only RBAC:
 * no watch event; World triggers hosts only on their requeue).
 */
class FixedSecretTest {

    private final World world = new World();

    @Test
    void aFixedSecretIsTriedWithinSecondsNotAfterTheBackoff() {
        Host h = world.addHost("typo-0", Map.of());
        String address = io.metalkube.domain.bmc.BmcAddress.parse(h.spec().bmc().address()).toString(); // as the fixture sees it
        world.backend.acceptOnly(address, "correct-horse");
        world.credentials.put(World.NS, "typo-0-bmc", "admin", "corect-horse"); // the typo
        world.runUntil(() -> world.host("typo-0").status().errorCount() >= 3, 200);
        Host refused = world.host("typo-0");
        assertThat(refused.status().errorType()).isEqualTo(ErrorType.REGISTRATION);
        assertThat(world.lifecycle.backoff().after(refused.status().errorCount(), refused.id())).isGreaterThan(Duration.ofMinutes(2));

        world.credentials.put(World.NS, "typo-0-bmc", "admin", "correct-horse"); // the fix: a new resourceVersion
        Instant fixedAt = world.clock.instant();
        assertThat(world.runUntil(() -> world.host("typo-0").status().goodCredentials() != null, 200)).isTrue();

        Host fixed = world.host("typo-0");
        assertThat(Duration.between(fixedAt, world.clock.instant())).as("time from the fix to a good registration")
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(fixed.status().triedCredentials()).isEqualTo(fixed.status().goodCredentials());
        assertThat(fixed.status().triedCredentials()).isNotEqualTo(refused.status().triedCredentials());
        assertThat(fixed.status().hasError()).isFalse();
        assertThat(world.runUntil(() -> world.host("typo-0").state() == ProvisioningState.AVAILABLE, 200)).isTrue();
    }

    @Test
    void aSecretCreatedAfterTheHostIsFoundWithinSeconds() {
        Host h = world.addHost("late-0", Map.of());
        world.credentials.remove(World.NS, "late-0-bmc");
        world.runUntil(() -> world.host("late-0").status().hasError(), 50);
        world.runUntil(() -> false, 30); // long enough for any backoff to have grown
        assertThat(world.host("late-0").status().errorMessage()).contains("not found");

        world.credentials.put(World.NS, "late-0-bmc", "admin", "pw-late-0");
        Instant createdAt = world.clock.instant();
        assertThat(world.runUntil(() -> world.host("late-0").status().goodCredentials() != null, 200)).isTrue();

        assertThat(Duration.between(createdAt, world.clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(world.host("late-0").status().errorMessage()).doesNotContain("not found");
        assertThat(h.id()).isNotNull();
    }
}
