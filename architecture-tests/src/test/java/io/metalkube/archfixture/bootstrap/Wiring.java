package io.metalkube.archfixture.bootstrap;

/** The fixture's composition root. */
public class Wiring {
}
