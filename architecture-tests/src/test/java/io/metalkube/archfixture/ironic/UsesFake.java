package io.metalkube.archfixture.ironic;

import io.metalkube.archfixture.application.fake.FakeStore;

/** Violates "adapters do not use fakes". */
public class UsesFake {
    public FakeStore store() {
        return new FakeStore();
    }
}
