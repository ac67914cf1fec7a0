package io.metalkube.archfixture.application.fake;

/** An in-memory fake, for the "adapters do not use fakes" fixture. */
public class FakeStore {
}
