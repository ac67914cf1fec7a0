package io.metalkube.application.bench;

import io.metalkube.domain.claim.ClaimDecision;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.Image;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH: {@link HostClaims#choose} over 1,000 and 10,000 realistic hosts (80 % eligible), the decision behind every
 * claim. How to run: docs/benchmarks-core.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClaimChoiceBench {

    @Param({"1000", "10000"})
    public int hosts;

    private final HostClaims claims = HostClaims.standard();
    private List<Host> pool;
    private ClaimRequest request;

    @Setup
    public void setUp() {
        pool = TypicalHosts.pool(hosts, TypicalHosts.enrolled("bench-available", false));
        request = new ClaimRequest(new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", TypicalHosts.NS, "bench-machine"),
                TypicalHosts.NS, LabelSelector.ofLabels(Map.of("pool", "a")), Image.of("http://images.example/os.qcow2", "abc123"), null);
    }

    @Benchmark
    public ClaimDecision chooseAmongHosts() {
        return claims.choose(pool, request);
    }
}
