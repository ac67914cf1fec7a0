package io.metalkube.archfixture.domain;

import java.io.File;

/** Violates "domain is pure Java": the domain touches the file system. */
public class ImpureHost {
    public boolean exists(String path) {
        return new File(path).exists();
    }
}
