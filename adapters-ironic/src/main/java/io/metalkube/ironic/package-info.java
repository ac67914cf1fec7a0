/** The Ironic back-end's public face for the composition root: {@link io.metalkube.ironic.IronicBackend}. */
package io.metalkube.ironic;
