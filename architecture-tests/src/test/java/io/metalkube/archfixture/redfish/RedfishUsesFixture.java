package io.metalkube.archfixture.redfish;

import io.metalkube.archfixture.application.fake.FakeStore;

/** Violates "adapters do not use fakes": the Redfish adapter leans on an in-memory fake. */
public class RedfishUsesFixture {
    public FakeStore store() {
        return new FakeStore();
    }
}
