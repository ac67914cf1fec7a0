package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The body of a suite that runs once per {@link ApiServerBinding}: a test class declares {@code @Nested} subclasses,
 * one per binding, of a suite extending this; each gets its server ({@link #api}) and a user's client ({@link #client})
 * for all its tests, closed after them. (In this package: the test run opens it to JUnit, not the testing package.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiServerSuite {

    final ApiServerBinding binding;
    TestApiServer api;
    KubernetesClient client;

    ApiServerSuite(ApiServerBinding binding) {
        this.binding = binding;
    }

    /** CRDs beyond the default install this suite needs (classpath resources, e.g. Crds.OPENSHIFT_MACHINES). */
    java.util.List<String> optionalCrds() {
        return java.util.List.of();
    }

    @BeforeAll
    void openServer() {
        api = optionalCrds().isEmpty() ? binding.open() : binding.open(optionalCrds());
        client = api.client();
    }

    @AfterAll
    void closeServer() {
        if (api != null) {
            api.close();
        }
    }
}
