/** Small helpers: the client-side rate limiter, JSON comparison, kubectl discovery for the embedded API server. */
package io.metalkube.kubernetes.support;
