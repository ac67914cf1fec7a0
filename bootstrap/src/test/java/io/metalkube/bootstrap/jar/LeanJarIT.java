package io.metalkube.bootstrap.jar;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's fat jar carries no demo- or test-only library: the demo and its mock API server are packaged apart. */
class LeanJarIT {

    private static final List<String> DEMO_OR_TEST_ONLY = List.of("io/fabric8/mockwebserver/", "io/fabric8/kubernetes/client/server/",
            "io/vertx/", "org/bouncycastle/", "okhttp3/", "io/metalkube/demo/", "org/junit/", "org/mockito/", "org/assertj/");

    @Test
    void theOperatorJarHoldsNoMockServerVertxBouncyCastleOrDemo() throws Exception {
        try (JarFile jar = new JarFile(JarProcess.jar().toFile())) {
            List<String> offending = jar.stream().map(e -> e.getName())
                    .filter(name -> DEMO_OR_TEST_ONLY.stream().anyMatch(name::startsWith)).limit(20).toList();
            assertThat(offending).as("demo- or test-only classes in " + JarProcess.jar()).isEmpty();
            assertThat(jar.getEntry("io/metalkube/bootstrap/Application.class")).isNotNull();
        }
    }
}
