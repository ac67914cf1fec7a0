package io.metalkube.bootstrap.config;

import java.util.Locale;

/**
 * Decides the back-end from {@code metalkube.backend}, refusing the unsafe cases: no setting at all (the fixture is
 * never a silent default) and the fixture inside a cluster without the explicit opt-in
 * {@code metalkube.fixture.allow-in-cluster: true}.
 */
public final class BackendSelection {

    public static final String SETTING = "metalkube.backend";
    public static final String FIXTURE_OPT_IN = "metalkube.fixture.allow-in-cluster";

    private BackendSelection() {
    }

    /**
     * @param configured the raw setting, possibly null or blank
     * @param inCluster  true when running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is set)
     * @param fixtureOptIn the value of {@link #FIXTURE_OPT_IN}
     * @throws InvalidSettingException with a message naming the setting and what to do
     */
    public static BackendKind choose(String configured, boolean inCluster, boolean fixtureOptIn) {
        if (configured == null || configured.isBlank()) {
            throw new InvalidSettingException(SETTING + " is not set: set it to one of " + BackendKind.choices()
                    + " (environment variable METALKUBE_BACKEND, or the metalkube-config ConfigMap in deploy/). "
                    + "MetalKube never falls back to the fixture back-end by itself.");
        }
        BackendKind kind;
        try {
            kind = BackendKind.valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SETTING + " is \"" + configured + "\", which is not a back-end: use one of "
                    + BackendKind.choices() + ".");
        }
        if (kind == BackendKind.FIXTURE && inCluster && !fixtureOptIn) {
            throw new InvalidSettingException(SETTING + " is fixture, but MetalKube runs inside a Kubernetes cluster: "
                    + "the fixture back-end only simulates hosts and would report them provisioned without touching them. "
                    + "Choose ironic, ipmi, redfish or direct, or set " + FIXTURE_OPT_IN + "=true if a simulated site is really wanted.");
        }
        return kind;
    }

    /** True inside a pod: the kubelet sets KUBERNETES_SERVICE_HOST in every container. */
    public static boolean inCluster(java.util.Map<String, String> env) {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isBlank();
    }
}
