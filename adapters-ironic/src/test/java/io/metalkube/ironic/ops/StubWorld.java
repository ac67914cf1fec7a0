package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.driver.CredentialsHash;
import io.metalkube.ironic.stub.StubIronic;
import io.metalkube.ironic.wire.Wire;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A stub Ironic, the adapter pointed at it, one host and helpers to script nodes. */
final class StubWorld implements AutoCloseable {

    static final String UUID = "1be26c0b-03f2-4d2e-ae87-c02d7f33c123";
    static final String PASSWORD = "s3cret-Pa55";
    static final HostId HOST = new HostId("ns", "host-1");
    /** Computed once: PBKDF2 is deliberately slow. */
    static final String HASH = new CredentialsHash().hash(BmcCredentials.of("admin", PASSWORD));

    final StubIronic stub;
    final IronicBackend adapter;
    final Map<String, String> secrets = new HashMap<>();

    StubWorld(int provisioningLimit) {
        try {
            stub = StubIronic.http();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        adapter = new IronicBackend(IronicSettings.defaults(stub.endpoint()).withPollInterval(Duration.ofMillis(50))
                .withLockRetryBudget(Duration.ofMillis(300)).withProvisioningLimit(provisioningLimit),
                (host, ref, key) -> Optional.ofNullable(secrets.get(ref.name() + "/" + key)));
    }

    StubWorld() {
        this(20);
    }

    Backend backend() {
        return adapter.asBackend();
    }

    static BackendTarget target() {
        return new BackendTarget(HOST, UUID, BmcAddress.parse("ipmi://10.0.0.7"), BmcCredentials.of("admin", PASSWORD), "", false);
    }

    static BackendTarget unregistered(String mac) {
        return new BackendTarget(HOST, "", BmcAddress.parse("ipmi://10.0.0.7"), BmcCredentials.of("admin", PASSWORD), mac, false);
    }

    /** A node in {@code state} whose driver_info and credentials hash match {@link #target()}. */
    static Map<String, Object> node(String state) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("uuid", UUID);
        n.put("name", "ns~host-1");
        n.put("driver", "ipmi");
        n.put("provision_state", state);
        n.put("target_provision_state", null);
        n.put("power_state", "power on");
        n.put("target_power_state", null);
        n.put("last_error", null);
        n.put("maintenance", false);
        n.put("automated_clean", true);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ipmi_address", "10.0.0.7");
        info.put("ipmi_port", 623);
        info.put("ipmi_username", "admin");
        info.put("ipmi_password", "******");
        info.put("ipmi_priv_level", "ADMINISTRATOR");
        info.put("ipmi_cipher_suite", 3);
        n.put("driver_info", info);
        n.put("instance_info", new LinkedHashMap<>());
        n.put("properties", new LinkedHashMap<>());
        n.put("extra", new LinkedHashMap<>(Map.of(CredentialsHash.EXTRA_KEY, HASH)));
        return n;
    }

    static Map<String, Object> with(Map<String, Object> node, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(node);
        copy.put(key, value);
        return copy;
    }

    /** Serves {@code node} at GET /v1/nodes/{uuid} and /v1/nodes/ns~host-1. */
    StubWorld serve(Map<String, Object> node) {
        String json = Wire.write(node);
        stub.route("GET /v1/nodes/" + UUID, 200, json);
        stub.route("GET /v1/nodes/ns~host-1", 200, json);
        return this;
    }

    StubWorld accept(String methodAndPath, int status) {
        stub.route(methodAndPath, status, status == 204 || status == 202 ? "" : "{}");
        return this;
    }

    static SecretRef secret(String name) {
        return new SecretRef(name, "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) {
        return (Map<String, Object>) Wire.parseAny(body);
    }

    @Override
    public void close() {
        adapter.close();
        stub.close();
    }
}
