package io.metalkube.bootstrap.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.bootstrap.config.BackendKind;
import io.metalkube.bootstrap.config.BackendSelection;
import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ironic.IronicBackend;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Builds the site's back-end from {@code metalkube.backend}; refuses a missing setting and an unsafe fixture. */
@Factory
public class BackendFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SiteBackend siteBackend(MetalkubeSettings settings, MetalkubeSettings.Fixture fixture, MetalkubeSettings.Ironic ironic,
                            MetalkubeSettings.Ipmi ipmi, MetalkubeSettings.Discovery discovery, Clock clock,
                            BeanProvider<KubernetesClient> kubernetes) {
        BackendKind kind = BackendSelection.choose(settings.getBackend(), BackendSelection.inCluster(System.getenv()),
                fixture.isAllowInCluster());
        return switch (kind) {
            case FIXTURE -> fixture(fixture, clock);
            case IRONIC -> ironic(ironic, settings.getProvisioningLimit(), kubernetes);
            case IPMI -> ipmi(ipmi, discovery);
        };
    }

    static SiteBackend fixture(MetalkubeSettings.Fixture s, Clock clock) {
        FixtureTimings timings = new FixtureTimings(s.getRegister(), s.getInspect(), s.getProvision(), s.getDeprovision(), s.getPower());
        FixtureBackend backend = new FixtureBackend(clock, timings);
        return new SiteBackend(backend.asBackend(), Optional.empty(), Optional.empty(), () -> { });
    }

    /** Ironic counts the provisioning limit itself and lists the nodes it knows for discovery. */
    static SiteBackend ironic(MetalkubeSettings.Ironic s, int limit, BeanProvider<KubernetesClient> kubernetes) {
        if (!kubernetes.isPresent()) {
            throw new InvalidSettingException("metalkube.backend is ironic, which reads userData Secrets through the Kubernetes API, "
                    + "but no Kubernetes client is configured in this environment");
        }
        IronicBackend ironic = new IronicBackend(AdapterSettings.ironic(s, limit), new KubernetesSecretReader(kubernetes.get()));
        return new SiteBackend(ironic.asBackend(), Optional.of(ironic.capacity()), Optional.of(ironic.knownNodes()), ironic);
    }

    /** Direct IPMI: the limit is counted from host states; discovery scans the configured ranges. */
    static SiteBackend ipmi(MetalkubeSettings.Ipmi s, MetalkubeSettings.Discovery discovery) {
        IpmiBackend ipmi = new IpmiBackend(AdapterSettings.ipmi(s));
        return new SiteBackend(ipmi.asBackend(), Optional.empty(),
                discovery.isEnabled() ? Optional.of(ipmi.scanner(AdapterSettings.scan(discovery))) : Optional.empty(), ipmi);
    }
}
