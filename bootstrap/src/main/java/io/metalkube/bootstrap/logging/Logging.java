package io.metalkube.bootstrap.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Everything in one place and one format: java.util.logging (the mock server, parts of the JDK) goes to SLF4J and
 * logback like SLF4J and System.Logger already do. Called first thing by the operator's and the demo's main.
 */
public final class Logging {

    private Logging() {
    }

    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
