package io.metalkube.bootstrap;

import io.metalkube.bootstrap.demo.DemoCommand;
import io.micronaut.runtime.Micronaut;

import java.util.Arrays;

/**
 * Entry point. {@code java -jar metalkube.jar} runs the operator (configured by {@code metalkube.*});
 * {@code java -jar metalkube.jar demo [--hold]} runs the self-contained demo.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
