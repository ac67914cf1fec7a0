package io.metalkube.bootstrap.wiring;

import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.fake.RecordingEventSink;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Test wiring: the application's in-memory stores instead of the Kubernetes adapter (env "memory"). */
@Factory
@Requires(env = "memory")
public class InMemoryStoresFactory {

    @Singleton
    InMemoryHostStore hosts() {
        return new InMemoryHostStore();
    }

    @Singleton
    InMemoryMachineStore machines() {
        return new InMemoryMachineStore();
    }

    @Singleton
    InMemoryCredentials credentials() {
        return new InMemoryCredentials();
    }

    @Singleton
    RecordingEventSink events() {
        return new RecordingEventSink();
    }
}
