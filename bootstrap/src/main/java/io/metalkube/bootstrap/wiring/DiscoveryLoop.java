package io.metalkube.bootstrap.wiring;

import io.metalkube.application.port.in.DiscoveryReport;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.service.HostDiscovery;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs host discovery every {@code metalkube.discovery.interval} when it is enabled and the back-end can scan
 * (ipmi: the configured ranges; ironic: nodes Ironic knows). Creating a host is idempotent, so standby replicas
 * scanning too is harmless.
 */
@Singleton
@Requires(property = "metalkube.discovery.enabled", value = "true")
public class DiscoveryLoop implements ApplicationEventListener<StartupEvent> {

    private static final System.Logger LOG = System.getLogger(DiscoveryLoop.class.getName());
    static final Map<String, String> LABELS = Map.of("metalkube.io/discovered", "true");

    private final MetalkubeSettings.Discovery settings;
    private final SiteBackend site;
    private final HostStore hosts;
    private ScheduledExecutorService scheduler;

    public DiscoveryLoop(MetalkubeSettings.Discovery settings, SiteBackend site, HostStore hosts) {
        this.settings = settings;
        this.site = site;
        this.hosts = hosts;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (site.scanner().isEmpty()) {
            LOG.log(Level.WARNING, () -> "metalkube.discovery.enabled is true, but the " + site.backend().name()
                    + " back-end cannot discover hosts; discovery stays off");
            return;
        }
        HostDiscovery discovery = new HostDiscovery(site.scanner().get(), hosts);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("metalkube-discovery").factory());
        scheduler.scheduleWithFixedDelay(() -> runOnce(discovery), 0, settings.getInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, () -> "host discovery every " + settings.getInterval() + " into namespace " + settings.getNamespace());
    }

    private void runOnce(HostDiscovery discovery) {
        try {
            DiscoveryReport report = discovery.discover(settings.getNamespace(), LABELS);
            if (!report.created().isEmpty()) {
                LOG.log(Level.INFO, () -> "discovery created " + report.created().size() + " hosts: " + report.created());
            }
        } catch (RuntimeException e) {
            // the next run tries again; a scheduled task that throws would never run again
            LOG.log(Level.WARNING, () -> "host discovery failed, retrying in " + settings.getInterval() + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
