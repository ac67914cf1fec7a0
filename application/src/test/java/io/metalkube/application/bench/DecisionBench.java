package io.metalkube.application.bench;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.metalkube.domain.lifecycle.Decision;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.domain.lifecycle.Observation;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * JMH: the lifecycle's decision functions on realistic hosts — {@link Lifecycle#plan} and {@link Lifecycle#conclude}
 * for the steady-state poll of an available and a provisioned host. How to run: docs/benchmarks-core.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBench {

    private final Lifecycle lifecycle = new Lifecycle(LifecycleTimings.metal3Defaults());
    private Host available;
    private Host provisioned;
    private Observation observation;
    private Instant now;
    private Operation.ReadPower poll;
    private Outcome.PowerState polled;

    @Setup
    public void setUp() {
        available = TypicalHosts.enrolled("bench-available", false);
        provisioned = TypicalHosts.enrolled("bench-provisioned", true);
        observation = new Observation(new CredentialsCheck.Found(BmcCredentials.of("admin", "bench-password"),
                available.status().goodCredentials()), Capacity.AVAILABLE);
        now = available.status().lastUpdated().plusSeconds(90);
        Decision d = lifecycle.plan(available, observation, now);
        poll = (Operation.ReadPower) d.operation().orElseThrow(() -> new IllegalStateException("an idle host should poll power: " + d));
        polled = new Outcome.PowerState(Boolean.TRUE.equals(available.status().poweredOn()));
    }

    @Benchmark
    public Decision planIdleAvailableHost() {
        return lifecycle.plan(available, observation, now);
    }

    @Benchmark
    public Decision planIdleProvisionedHost() {
        return lifecycle.plan(provisioned, observation, now);
    }

    @Benchmark
    public Decision concludePowerPoll() {
        return lifecycle.conclude(available, poll, polled, now);
    }
}
