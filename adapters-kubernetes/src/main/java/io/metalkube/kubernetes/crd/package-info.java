/**
 * Wire types of the custom resources, field for field as metal3 and cluster-api v1alpha1 name them. They never
 * leave this adapter: {@code io.metalkube.kubernetes.mapping} translates them to and from the domain.
 * Public fields keep them short; Jackson and the CRD generator read them directly.
 */
package io.metalkube.kubernetes.crd;
