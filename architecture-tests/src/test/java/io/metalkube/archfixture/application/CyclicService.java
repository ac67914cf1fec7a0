package io.metalkube.archfixture.application;

import io.metalkube.archfixture.domain.CyclicDomain;

/** The application half of the cycle fixture. */
public class CyclicService {
    public CyclicDomain domain() {
        return new CyclicDomain();
    }
}
