package io.metalkube.archfixture.kubernetes;

import io.metalkube.archfixture.bootstrap.Wiring;

/** Violates "only bootstrap knows bootstrap": an adapter reaching into the composition root. */
public class KnowsBootstrap {
    public Wiring wiring() {
        return new Wiring();
    }
}
