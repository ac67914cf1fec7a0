package io.metalkube.ironic.ops;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.ironic.driver.CredentialsHash;
import io.metalkube.ironic.driver.IronicDriver;
import io.metalkube.ironic.wire.JsonPatch;
import io.metalkube.ironic.wire.NodeJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds node bodies and the patch that brings a node's driver and driver_info in line with the host's BMC
 * address and credentials. The patch is empty when nothing changed: the address is compared field by field with
 * what Ironic reports, the credentials through the PBKDF2 hash in {@code extra} (Ironic masks the password).
 */
public final class DriverSync {

    private final CredentialsHash hashes;

    public DriverSync(CredentialsHash hashes) {
        this.hashes = hashes;
    }

    Map<String, Object> createBody(String name, IronicDriver driver, BmcCredentials credentials, Boolean automatedClean) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("driver", driver.driver());
        driver.interfaces().forEach((k, v) -> body.put(k + "_interface", v));
        body.put("driver_info", driver.driverInfo());
        body.put("extra", Map.of(CredentialsHash.EXTRA_KEY, hashes.hash(credentials)));
        if (automatedClean != null) {
            body.put("automated_clean", automatedClean);
        }
        return body;
    }

    /** The changes that make {@code node} use {@code driver} with {@code credentials}; empty when it already does. */
    JsonPatch patchFor(NodeJson node, IronicDriver driver, BmcCredentials credentials) {
        JsonPatch patch = new JsonPatch();
        if (!driver.driver().equals(node.driver())) {
            patch.replace("/driver", driver.driver());
            driver.interfaces().forEach((k, v) -> patch.replace("/" + k + "_interface", v));
        }
        boolean addressChanged = !sameValues(driver.publicDriverInfo(), node.driverInfo());
        boolean credentialsChanged = !credentialsCurrent(node, credentials);
        if (addressChanged || credentialsChanged || !patch.isEmpty()) {
            patch.add("/driver_info", driver.driverInfo());
            patch.add("/extra/" + CredentialsHash.EXTRA_KEY, hashes.hash(credentials));
        }
        return patch;
    }

    /** True when the node's recorded hash is of exactly these credentials. */
    boolean credentialsCurrent(NodeJson node, BmcCredentials credentials) {
        return hashes.matches(node.extraString(CredentialsHash.EXTRA_KEY), credentials);
    }

    /** True when the node carries a MetalKube credentials hash at all (nodes enrolled by others do not). */
    static boolean hasHash(NodeJson node) {
        return node.extraString(CredentialsHash.EXTRA_KEY) != null;
    }

    private static boolean sameValues(Map<String, Object> wanted, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            Object have = actual.get(e.getKey());
            if (have == null || !Objects.equals(String.valueOf(e.getValue()), String.valueOf(have))) {
                return false;
            }
        }
        return true;
    }
}
