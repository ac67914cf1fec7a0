package io.metalkube.bootstrap.wiring;

import io.metalkube.kubernetes.KubernetesOperator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.lang.System.Logger.Level;

/** Starts the Kubernetes operator once the application context is up; the factory closes it on shutdown. */
@Singleton
@Requires(notEnv = "memory")
public class OperatorService implements ApplicationEventListener<StartupEvent> {

    private static final System.Logger LOG = System.getLogger(OperatorService.class.getName());

    private final KubernetesOperator operator;
    private final SiteBackend backend;

    public OperatorService(KubernetesOperator operator, SiteBackend backend) {
        this.operator = operator;
        this.backend = backend;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        operator.start();
        LOG.log(Level.INFO, () -> "MetalKube operator running with the " + backend.backend().name() + " back-end");
    }

    public boolean running() {
        return operator.isRunning();
    }

    /** not-elected, following, leading or lost (metalkube.kubernetes.leader-election). */
    public String leadership() {
        return operator.leadership().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
