/** Port implementations on the API server: hosts, Machines, credentials Secrets, Events. Internal to the adapter. */
package io.metalkube.kubernetes.store;
