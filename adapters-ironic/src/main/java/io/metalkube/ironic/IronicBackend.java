package io.metalkube.ironic;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.port.out.ProvisioningCapacity;
import io.metalkube.ironic.client.HttpTransport;
import io.metalkube.ironic.client.IronicClient;
import io.metalkube.ironic.client.MicronautTransport;
import io.metalkube.ironic.driver.CredentialsHash;
import io.metalkube.ironic.driver.DriverMapping;
import io.metalkube.ironic.ops.DriverSync;
import io.metalkube.ironic.ops.Inspector;
import io.metalkube.ironic.ops.KnownNodes;
import io.metalkube.ironic.ops.NodeAccess;
import io.metalkube.ironic.ops.NodeCapacity;
import io.metalkube.ironic.ops.OpsSettings;
import io.metalkube.ironic.ops.PowerOps;
import io.metalkube.ironic.ops.Provisioner;
import io.metalkube.ironic.ops.Registrar;

import java.time.Clock;
import java.time.Duration;

/**
 * The Ironic back-end, assembled: one HTTP client (keep-alive) shared by the operations that implement the
 * registration, inspection, provisioning, power and capacity ports. The composition root creates one per Ironic
 * and closes it on shutdown. Nothing connects until the first operation runs.
 */
public final class IronicBackend implements AutoCloseable {

    private final IronicClient client;
    private final Backend backend;
    private final NodeCapacity capacity;
    private final KnownNodes knownNodes;

    public IronicBackend(IronicSettings settings, SecretReader secrets) {
        this(settings, secrets, new MicronautTransport(settings.endpoint(),
                new HttpTransport.Timeouts(settings.connectTimeout(), settings.requestTimeout()), settings.caBundle(), settings.insecureTls()));
    }

    IronicBackend(IronicSettings settings, SecretReader secrets, HttpTransport transport) {
        this.client = new IronicClient(transport, settings.endpoint().toString(), settings.basicAuthUser(), settings.basicAuthPassword(),
                settings.lockRetryBudget(), Duration.ofMillis(100));
        NodeAccess access = new NodeAccess(client, new OpsSettings(settings.pollInterval(), settings.softPowerOffTimeout(), settings.provisioningLimit()));
        DriverMapping mapping = new DriverMapping(settings.hardwareMode(), settings.ipmiCipherSuite(), settings.deployKernelUrl(), settings.deployRamdiskUrl());
        DriverSync sync = new DriverSync(new CredentialsHash());
        this.backend = new Backend("ironic", new Registrar(access, mapping, sync), new Inspector(access),
                new Provisioner(access, mapping, secrets), new PowerOps(access, sync));
        this.capacity = new NodeCapacity(access, Clock.systemUTC());
        this.knownNodes = new KnownNodes(access);
    }

    /** Registration, inspection, provisioning and power over Ironic, named "ironic". */
    public Backend asBackend() {
        return backend;
    }

    /** The provisioning limit counted from Ironic's busy nodes. */
    public ProvisioningCapacity capacity() {
        return capacity;
    }

    /** Nodes Ironic knows that no MetalKube host owns, as discovery proposals. */
    public BmcScanner knownNodes() {
        return knownNodes;
    }

    /** HTTP requests sent to Ironic so far (every retry counts). */
    public long ironicCalls() {
        return client.calls();
    }

    @Override
    public void close() {
        client.close();
    }
}
