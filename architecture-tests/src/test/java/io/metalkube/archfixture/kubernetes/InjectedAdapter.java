package io.metalkube.archfixture.kubernetes;

import jakarta.inject.Singleton;

/** Violates "framework wiring only in bootstrap": an adapter annotated for dependency injection. */
@Singleton
public class InjectedAdapter {
}
