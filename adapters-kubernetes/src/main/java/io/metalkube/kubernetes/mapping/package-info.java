/**
 * Wire (custom resources, annotations, provider configs) to domain and back. The only place that knows both; wire
 * types never cross into the application. Internal to the adapter.
 */
package io.metalkube.kubernetes.mapping;
