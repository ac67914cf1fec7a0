package io.metalkube.demo;

import io.metalkube.bootstrap.Application;
import io.metalkube.demo.apiserver.CrudApiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * The operator as the demo runs it: the same Micronaut wiring as in a cluster (fixture back-end, the embedded API
 * server's URL), started without Micronaut's own shutdown hook so that the demo stops things in order, on one thread.
 */
final class RunningOperator implements AutoCloseable {

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private RunningOperator(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    static RunningOperator start(CrudApiServer api, DemoOptions options) {
        Map<String, Object> props = new HashMap<>();
        props.put("metalkube.backend", "fixture");
        props.put("metalkube.kubernetes.master-url", api.url().toString());
        props.put("metalkube.kubernetes.server-side-apply", "false"); // the embedded API server (CRUD mock) has none
        props.put("metalkube.kubernetes.leader-election", false);
        props.put("metalkube.kubernetes.requests-per-second", 200);
        // the demo's hosts carry no image (as metal3 users write them); the seed's Machines name none: the site default
        props.put("metalkube.machines.default-image.url", "http://images.metalkube.invalid/rhcos-ootpa-latest.qcow2");
        props.put("metalkube.machines.default-image.checksum", "http://images.metalkube.invalid/rhcos-ootpa-latest.qcow2.md5sum");
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", options.port() == 0 ? -1 : options.port());
        props.putAll(DemoTimings.fixtureSettings(options.speedup()));
        ApplicationContext context = ApplicationContext.builder(Application.class).banner(false).deduceEnvironment(false)
                .environments("demo").properties(props).start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new RunningOperator(context, server);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    String url() {
        return server.getURL().toString();
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
        if (context.isRunning()) {
            context.close();
        }
    }
}
