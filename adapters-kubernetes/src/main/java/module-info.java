/**
 * The Kubernetes adapter (fabric8 + java-operator-sdk). Exports only its facade; custom-resource types are opened
 * to Jackson and fabric8 for (de)serialisation, reconcilers to JOSDK for its annotation reading. fabric8 and JOSDK
 * jars carry no module names: the names below are the filename-derived automatic ones.
 */
module io.metalkube.adapters.kubernetes {
    requires transitive io.metalkube.application;
    requires transitive kubernetes.client.api;
    requires transitive kubernetes.model.core;
    requires transitive kubernetes.model.common;
    requires kubernetes.model.apiextensions;
    requires kubernetes.model.admissionregistration;
    requires kubernetes.httpclient.jdk;
    requires operator.framework.core;
    requires static generator.annotations;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires java.logging;
    requires java.management; // heap figures in the scale benchmark (test sources compile inside this module)
    requires static jdk.httpserver; // the tests' admission webhook server (test sources compile inside this module)

    exports io.metalkube.kubernetes;
    exports io.metalkube.kubernetes.admission;

    opens io.metalkube.kubernetes.crd to com.fasterxml.jackson.databind, kubernetes.client.api, kubernetes.model.common,
            kubernetes.model.core, operator.framework.core;
    opens io.metalkube.kubernetes.controller to operator.framework.core;
}
