package io.metalkube.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's data center: eight hosts in two racks, three labelled {@code node-profile: master} and five
 * {@code node-profile: node}, each with its BMC credentials Secret. The hosts are written as metal3 users write them:
 * off ({@code online: false}) and without an image; a Machine claiming one gives it the site's default image
 * ({@code metalkube.machines.default-image}, set by the demo) and switches it on, which provisions it.
 */
final class DemoInventory {

    static final String NAMESPACE = "default";
    static final int HOSTS = 8;

    private DemoInventory() {
    }

    /** The embedded API server stores Secrets as given (it does not turn stringData into data), so: data. */
    private static String base64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String profile(int i) {
        return i < 3 ? "master" : "node";
    }

    /** Secrets and BareMetalHosts as a user would write them (metal3 format), one YAML document each. */
    static List<String> manifests() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            docs.add("""
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: host-%1$d-bmc-secret
                      namespace: %2$s
                      labels:
                        environment.metal3.io: baremetal
                    type: Opaque
                    data:
                      username: %3$s
                      password: %4$s
                    """.formatted(i, NAMESPACE, base64("admin"), base64("demo-password-" + i)));
            docs.add("""
                    apiVersion: metal3.io/v1alpha1
                    kind: BareMetalHost
                    metadata:
                      name: host-%1$d
                      namespace: %2$s
                      labels:
                        node-profile: %3$s
                        rack: rack-%4$d
                    spec:
                      online: false
                      bootMACAddress: "52:54:00:6b:00:%5$02x"
                      bmc:
                        address: ipmi://192.0.2.%6$d:623
                        credentialsName: host-%1$d-bmc-secret
                    """.formatted(i, NAMESPACE, profile(i), i % 2 + 1, 0x10 + i, 10 + i));
        }
        return docs;
    }
}
