package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.store.KubernetesMachineStore;
import io.metalkube.kubernetes.store.OpenShiftMachineStore;
import io.metalkube.kubernetes.store.SecretCredentialsLookup;

import java.time.Clock;

/** Driven side: the application's outbound ports backed by the API server. Build once, share the instances. */
public final class KubernetesPorts {

    private final KubernetesHostStore hosts;
    private final KubernetesMachineStore machines;
    private final OpenShiftMachineStore openShiftMachines;
    private final SecretCredentialsLookup credentials;
    private final KubernetesEvents events;

    public KubernetesPorts(KubernetesClient client, KubernetesSettings settings, Clock clock) {
        this.events = new KubernetesEvents(client, settings.operatorName(), KubernetesOperator.reportingInstance(settings), clock);
        this.hosts = new KubernetesHostStore(client, settings, clock, events);
        this.machines = new KubernetesMachineStore(client, events, clock);
        this.openShiftMachines = new OpenShiftMachineStore(client, events, clock);
        this.credentials = new SecretCredentialsLookup(client);
    }

    public HostStore hosts() {
        return hosts;
    }

    public MachineStore machines() {
        return machines;
    }

    /** OpenShift's machine.openshift.io/v1beta1 Machines: for a second claimer over the same hosts (KubernetesOperator.serveOpenShiftMachines). */
    public MachineStore openShiftMachines() {
        return openShiftMachines;
    }

    public CredentialsLookup credentials() {
        return credentials;
    }

    public HostEventSink events() {
        return events;
    }
}
