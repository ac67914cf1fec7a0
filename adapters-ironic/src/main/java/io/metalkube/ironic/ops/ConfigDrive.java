package io.metalkube.ironic.ops;

import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.ironic.SecretReader;
import io.metalkube.ironic.wire.Wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The config drive Ironic writes next to the image (API ≥ 1.56 takes it as JSON): user_data from the userData
 * Secret (key {@code userData}, else {@code value}), network_data and meta_data from theirs (JSON), and metal3's
 * default meta_data (uuid, metal3-namespace, metal3-name, local-hostname, local_hostname, name).
 */
final class ConfigDrive {

    private final SecretReader secrets;

    ConfigDrive(SecretReader secrets) {
        this.secrets = secrets;
    }

    /** A problem with one of the referenced Secrets; the message names it and what is wrong. */
    static final class SecretProblem extends RuntimeException {
        SecretProblem(String message) {
            super(message);
        }
    }

    Map<String, Object> build(HostId host, String nodeUuid, SecretRef userData, SecretRef networkData, SecretRef metaData) {
        Map<String, Object> drive = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("uuid", nodeUuid);
        meta.put("metal3-namespace", host.namespace());
        meta.put("metal3-name", host.name());
        meta.put("local-hostname", host.name());
        meta.put("local_hostname", host.name());
        meta.put("name", host.name());
        if (metaData != null) {
            meta.putAll(jsonObject(host, metaData, "metaData"));
        }
        drive.put("meta_data", meta);
        if (userData != null) {
            drive.put("user_data", read(host, userData, "userData"));
        }
        if (networkData != null) {
            drive.put("network_data", jsonObject(host, networkData, "networkData"));
        }
        return drive;
    }

    private String read(HostId host, SecretRef ref, String key) {
        if (ref.crossesNamespace(host.namespace())) {
            throw new SecretProblem("Secret " + ref.namespace() + "/" + ref.name() + " is in another namespace than host " + host
                    + "; MetalKube reads only Secrets in the host's own namespace");
        }
        Optional<String> value = secrets.read(host, ref, key).or(() -> secrets.read(host, ref, "value"));
        return value.orElseThrow(() -> new SecretProblem("Secret \"" + ref.name() + "\" for host " + host
                + " is missing or has neither key \"" + key + "\" nor \"value\""));
    }

    private Map<String, Object> jsonObject(HostId host, SecretRef ref, String key) {
        String text = read(host, ref, key);
        Object parsed;
        try {
            parsed = Wire.parseAny(text);
        } catch (Wire.MalformedJsonException e) {
            throw new SecretProblem("key \"" + key + "\" of Secret \"" + ref.name() + "\" for host " + host + " is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new SecretProblem("key \"" + key + "\" of Secret \"" + ref.name() + "\" for host " + host + " must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
