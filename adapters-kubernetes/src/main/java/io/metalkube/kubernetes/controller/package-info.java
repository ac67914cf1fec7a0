/** JOSDK reconcilers that hand BareMetalHosts and Machines to the application's use cases. Internal to the adapter. */
package io.metalkube.kubernetes.controller;
