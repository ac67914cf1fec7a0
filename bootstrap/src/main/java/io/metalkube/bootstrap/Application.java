package io.metalkube.bootstrap;

import io.metalkube.bootstrap.logging.Logging;
import io.micronaut.runtime.Micronaut;

/**
 * Entry point. {@code java -jar metalkube.jar} runs the operator (configured by {@code metalkube.*}). The demo is
 * packaged apart (demo/app: {@code bin/demo}), so that the operator's runtime carries no mock API server.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.err.println("The demo is packaged apart from the operator: run bin/demo (or java -jar demo/app/target/metalkube-demo.jar).");
            System.exit(2);
        }
        Logging.install();
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
