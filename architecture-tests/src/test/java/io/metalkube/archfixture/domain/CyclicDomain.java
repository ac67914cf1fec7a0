package io.metalkube.archfixture.domain;

import io.metalkube.archfixture.application.CyclicService;

/** Violates "no cycles": domain → application → domain. */
public class CyclicDomain {
    public String name(CyclicService service) {
        return service.toString();
    }
}
