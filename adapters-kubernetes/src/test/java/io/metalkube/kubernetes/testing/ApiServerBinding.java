package io.metalkube.kubernetes.testing;

import org.junit.jupiter.api.Assumptions;

/** The two API servers the Kubernetes suites run on: one suite, two bindings. */
public enum ApiServerBinding {

    /** fabric8's CRUD mock, as the demo's embedded API server serves it. */
    CRUD_MOCK("the CRUD mock"),
    /** A real API server: kube-lite (or fabric8's kube-api-test where kube-lite is missing). */
    KUBE_LITE("kube-lite");

    private final String label;

    ApiServerBinding(String label) {
        this.label = label;
    }

    /** A server for one test class; skips the class (with the reason printed) when this binding cannot run here. */
    public TestApiServer open() {
        if (this == CRUD_MOCK) {
            return new MockApiServer();
        }
        SharedRealApiServer shared = SharedRealApiServer.get();
        Assumptions.assumeTrue(shared.available(), () -> "kube-lite suite skipped: " + shared.unavailableReason());
        return shared.session();
    }

    /** As {@link #open()}, with these optional CRDs (classpath resources, e.g. Crds.OPENSHIFT_MACHINES) installed too. */
    public TestApiServer open(java.util.List<String> optionalCrds) {
        if (this == CRUD_MOCK) {
            return new MockApiServer(java.util.stream.Stream.concat(io.metalkube.kubernetes.Crds.RESOURCES.stream(),
                    optionalCrds.stream()).toList());
        }
        TestApiServer server = open();
        RealApiServer.installCrds(server.client(), optionalCrds);
        return server;
    }

    public boolean real() {
        return this != CRUD_MOCK;
    }

    @Override
    public String toString() {
        return label;
    }
}
