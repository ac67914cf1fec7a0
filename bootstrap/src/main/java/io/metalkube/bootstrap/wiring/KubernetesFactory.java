package io.metalkube.bootstrap.wiring;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.bootstrap.config.DefaultImageSetting;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.bootstrap.metrics.TimedReconciles;
import io.metalkube.domain.claim.HostClaims;
import io.micrometer.core.instrument.MeterRegistry;
import io.metalkube.kubernetes.KubernetesClients;
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.LeaseFence;
import io.metalkube.kubernetes.LeaseSettings;
import io.metalkube.bootstrap.config.InvalidSettingException;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * The Kubernetes side: one fabric8 client (the only one in the process), the stores behind the application's ports,
 * and the operator that drives the use cases. Not in the "memory" environment, where tests use in-memory stores.
 */
@Factory
@Requires(notEnv = "memory")
public class KubernetesFactory {

    static final String OPERATOR_NAME = "metalkube";

    @Singleton
    @Bean(preDestroy = "close")
    KubernetesClient kubernetesClient(MetalkubeSettings.Kubernetes k, KubernetesSettings settings) {
        Config config = k.getMasterUrl() == null || k.getMasterUrl().isBlank()
                ? Config.autoConfigure(null)
                // An explicit URL (the demo's embedded API server, a local dev server): no credentials from elsewhere.
                : new ConfigBuilder(Config.empty()).withMasterUrl(k.getMasterUrl()).withNamespace("default").build();
        return KubernetesClients.create(config, settings);
    }

    @Singleton
    KubernetesSettings kubernetesSettings(MetalkubeSettings.Kubernetes k) {
        Optional<LeaseSettings> lease = k.isLeaderElection()
                ? Optional.of(new LeaseSettings(k.getLeaseName(), leaseNamespace(k), identity(k), k.getLeaseDuration(),
                        k.getRenewDeadline(), k.getRetryPeriod(), onLeaseLoss(k.getOnLeaseLoss())))
                : Optional.empty();
        return new KubernetesSettings(new LinkedHashSet<>(k.getNamespaces()), k.getRequestsPerSecond(), lease, OPERATOR_NAME,
                k.isServerSideApply());
    }

    @Singleton
    KubernetesPorts kubernetesPorts(KubernetesClient client, KubernetesSettings settings, Clock clock) {
        return new KubernetesPorts(client, settings, clock);
    }

    @Singleton
    HostStore hostStore(KubernetesPorts ports) {
        return ports.hosts();
    }

    @Singleton
    MachineStore machineStore(KubernetesPorts ports) {
        return ports.machines();
    }

    @Singleton
    CredentialsLookup credentialsLookup(KubernetesPorts ports) {
        return ports.credentials();
    }

    @Singleton
    HostEventSink hostEventSink(KubernetesPorts ports) {
        return ports.events();
    }

    /**
     * The operator, serving OpenShift's Machines too (unless disabled) with a second claimer over the same hosts: the
     * same claim code, so the two flavours never claim one host twice.
     */
    @Singleton
    @Bean(preDestroy = "close")
    KubernetesOperator kubernetesOperator(KubernetesClient client, KubernetesSettings settings, ReconcileHostUseCase hosts,
                                          ReconcileMachineUseCase machines, KubernetesPorts ports, MetalkubeSettings.Kubernetes k,
                                          MetalkubeSettings.Machines.DefaultImage defaultImage, MeterRegistry registry) {
        KubernetesOperator operator = new KubernetesOperator(client, settings, hosts, machines);
        String mode = openShiftMachines(k.getOpenshiftMachines());
        if (!mode.equals("disabled")) {
            MachineClaimer openShift = new MachineClaimer(ports.openShiftMachines(), ports.hosts(), HostClaims.standard(),
                    DefaultImageSetting.image(defaultImage).orElse(null));
            operator.serveOpenShiftMachines(TimedReconciles.machines(openShift, registry), mode.equals("enabled"));
        }
        return operator;
    }

    static String openShiftMachines(String v) {
        String mode = v == null ? "" : v.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("auto", "enabled", "disabled").contains(mode)) {
            throw new InvalidSettingException("metalkube.kubernetes.openshift-machines is \"" + v + "\"; set it to auto (serve "
                    + "machine.openshift.io Machines when their CRD is installed), enabled or disabled");
        }
        return mode;
    }

    static LeaseSettings.OnLeaseLoss onLeaseLoss(String v) {
        return switch (v == null ? "" : v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "exit" -> LeaseSettings.OnLeaseLoss.EXIT;
            case "stop" -> LeaseSettings.OnLeaseLoss.STOP;
            default -> throw new InvalidSettingException("metalkube.kubernetes.on-lease-loss is \"" + v
                    + "\"; set it to exit (stop acting, then exit so Kubernetes restarts the pod) or stop (stop acting, report not ready)");
        };
    }

    /** The back-end the use cases call, behind the client's LeaseFence: nothing is called once the Lease is lost. */
    @Singleton
    LeaseFence leaseFence(KubernetesClient client) {
        return LeaseFence.of(client);
    }

    /** The configured namespace, else the pod's own (service account mount), else "default". */
    private static String leaseNamespace(MetalkubeSettings.Kubernetes k) {
        if (k.getLeaseNamespace() != null && !k.getLeaseNamespace().isBlank()) {
            return k.getLeaseNamespace();
        }
        try {
            java.nio.file.Path ns = java.nio.file.Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
            if (java.nio.file.Files.isReadable(ns)) {
                return java.nio.file.Files.readString(ns).strip();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the pod's namespace for the leader-election Lease; set "
                    + "metalkube.kubernetes.lease-namespace", e);
        }
        return "default";
    }

    private static String identity(MetalkubeSettings.Kubernetes k) {
        if (k.getLeaseIdentity() != null && !k.getLeaseIdentity().isBlank()) {
            return k.getLeaseIdentity();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "metalkube-" + ProcessHandle.current().pid();
        }
    }
}
