/** Use-case implementations: reconcile hosts, claim and release hosts for Machines, discover hosts. */
package io.metalkube.application.service;
