package io.metalkube.bootstrap.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.service.SchemeRoutedBackend;
import io.metalkube.application.service.SchemeRoutedBackend.Protocol;
import io.metalkube.bootstrap.config.BackendKind;
import io.metalkube.bootstrap.config.BackendSelection;
import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.redfish.RedfishBackend;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the site's back-end from {@code metalkube.backend}; refuses a missing setting and an unsafe fixture. */
@Factory
public class BackendFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SiteBackend siteBackend(MetalkubeSettings settings, MetalkubeSettings.Fixture fixture, MetalkubeSettings.Ironic ironic,
                            MetalkubeSettings.Ipmi ipmi, MetalkubeSettings.Redfish redfish, MetalkubeSettings.Direct direct,
                            MetalkubeSettings.Discovery discovery, Clock clock, BeanProvider<KubernetesClient> kubernetes) {
        BackendKind kind = BackendSelection.choose(settings.getBackend(), BackendSelection.inCluster(System.getenv()),
                fixture.isAllowInCluster());
        return switch (kind) {
            case FIXTURE -> fixture(fixture, clock);
            case IRONIC -> ironic(ironic, settings.getProvisioningLimit(), kubernetes);
            case IPMI -> ipmi(ipmi, discovery);
            case REDFISH -> redfish(redfish, discovery);
            case DIRECT -> direct(direct, ipmi, redfish, discovery);
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

    /** Direct Redfish: the limit is counted from host states; Redfish has no credential-less discovery. */
    static SiteBackend redfish(MetalkubeSettings.Redfish s, MetalkubeSettings.Discovery discovery) {
        if (discovery.isEnabled()) {
            throw new InvalidSettingException("metalkube.discovery.enabled is true, but discovery scans for IPMI BMCs: use metalkube.backend"
                    + " ipmi or direct (with ipmi in metalkube.direct.backends), or turn discovery off");
        }
        RedfishBackend redfish = new RedfishBackend(AdapterSettings.redfish(s));
        return new SiteBackend(redfish.asBackend(), Optional.empty(), Optional.empty(), redfish);
    }

    /**
     * Direct mode: MetalKube's own back-ends side by side, each host's BMC scheme picking one (ipmi:// → IPMI;
     * redfish*, idrac-*, ilo5-* → Redfish). A host whose protocol is not in {@code metalkube.direct.backends} gets a
     * registration error naming that setting.
     */
    static SiteBackend direct(MetalkubeSettings.Direct d, MetalkubeSettings.Ipmi ipmiSettings, MetalkubeSettings.Redfish redfishSettings,
                              MetalkubeSettings.Discovery discovery) {
        Set<Protocol> wanted = protocols(d.getBackends());
        Map<Protocol, Backend> backends = new EnumMap<>(Protocol.class);
        List<AutoCloseable> closers = new ArrayList<>();
        Optional<BmcScanner> scanner = Optional.empty();
        if (wanted.contains(Protocol.IPMI)) {
            IpmiBackend ipmi = new IpmiBackend(AdapterSettings.ipmi(ipmiSettings));
            backends.put(Protocol.IPMI, ipmi.asBackend());
            closers.add(ipmi);
            if (discovery.isEnabled()) {
                scanner = Optional.of(ipmi.scanner(AdapterSettings.scan(discovery)));
            }
        } else if (discovery.isEnabled()) {
            throw new InvalidSettingException("metalkube.discovery.enabled is true, but discovery scans for IPMI BMCs and"
                    + " metalkube.direct.backends " + d.getBackends() + " has no ipmi: add ipmi or turn discovery off");
        }
        if (wanted.contains(Protocol.REDFISH)) {
            RedfishBackend redfish = new RedfishBackend(AdapterSettings.redfish(redfishSettings));
            backends.put(Protocol.REDFISH, redfish.asBackend());
            closers.add(redfish);
        }
        String configured = d.getBackends().toString();
        Backend routed = SchemeRoutedBackend.of(backends, p -> "add " + p.wireName() + " to metalkube.direct.backends (now " + configured
                + ") or manage this host with metalkube.backend: ironic");
        return new SiteBackend(routed, Optional.empty(), scanner, () -> {
            for (AutoCloseable c : closers) {
                c.close();
            }
        });
    }

    static Set<Protocol> protocols(List<String> names) {
        Set<Protocol> out = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "ipmi" -> out.add(Protocol.IPMI);
                case "redfish" -> out.add(Protocol.REDFISH);
                default -> throw new InvalidSettingException("metalkube.direct.backends lists \"" + name + "\": use ipmi and/or redfish");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidSettingException("metalkube.backend is direct, but metalkube.direct.backends is empty: list ipmi and/or redfish");
        }
        return out;
    }
}
