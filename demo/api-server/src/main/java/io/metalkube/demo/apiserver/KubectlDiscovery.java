package io.metalkube.demo.apiserver;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents kubectl needs before it will talk to the CRUD mock (build-notes.md, part 2 §7): the mock
 * serves none of them itself. kubectl always appends {@code ?timeout=32s}, and the mock matches expectations on the
 * exact path including the query, so these never shadow the CRUD paths fabric8 and JOSDK use. With them,
 * {@code kubectl get bmh}, {@code get machines}, {@code -o yaml}, {@code describe}, {@code delete} and
 * {@code apply --validate=false} work; {@code get -w} does not (the mock only serves WebSocket watches). The demo's
 * kubectl gateway serves the same documents ({@link CrudApiServer#discoveryDocuments()}) for every query.
 */
final class KubectlDiscovery {

    private static final String Q = "?timeout=32s";
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private KubectlDiscovery() {
    }

    /** Registers the documents on the mock, at the exact paths kubectl asks for. */
    static void register(KubernetesMockServer server, Map<String, Object> documents) {
        documents.forEach((path, document) -> {
            if (path.equals("/version")) {
                server.setVersionInfo((VersionInfo) document);
                for (String q : List.of(Q, "?timeout=5s", "")) {
                    server.expect().get().withPath(path + q).andReturn(200, document).always();
                }
            } else {
                server.expect().get().withPath(path + Q).andReturn(200, document).always();
            }
        });
    }

    /** Path → document: the version, core v1, Leases, and each CRD's group with its resource and status subresource. */
    static Map<String, Object> documents(List<CustomResourceDefinition> crds) {
        Map<String, Object> documents = new LinkedHashMap<>();
        documents.put("/version", new VersionInfo.Builder().withMajor("1").withMinor("32").withGitVersion("v1.32.0-metalkube-embedded")
                .withPlatform("linux/amd64").build());
        documents.put("/api", new APIVersionsBuilder().withVersions("v1").build());
        documents.put("/api/v1", new APIResourceListBuilder().withGroupVersion("v1")
                .withResources(resource("secrets", "secret", "Secret", true),
                        resource("events", "event", "Event", true, "ev"),
                        resource("namespaces", "namespace", "Namespace", false, "ns"),
                        resource("configmaps", "configmap", "ConfigMap", true, "cm")).build());

        List<io.fabric8.kubernetes.api.model.APIGroup> groups = new ArrayList<>();
        groups.add(group("coordination.k8s.io", "v1"));
        documents.put("/apis/coordination.k8s.io/v1", new APIResourceListBuilder()
                .withGroupVersion("coordination.k8s.io/v1").withResources(resource("leases", "lease", "Lease", true)).build());
        for (CustomResourceDefinition crd : crds) {
            var spec = crd.getSpec();
            String version0 = spec.getVersions().get(0).getName();
            groups.add(group(spec.getGroup(), version0));
            var names = spec.getNames();
            documents.put("/apis/" + spec.getGroup() + "/" + version0, new APIResourceListBuilder()
                    .withGroupVersion(spec.getGroup() + "/" + version0)
                    .withResources(resource(names.getPlural(), names.getSingular(), names.getKind(), "Namespaced".equals(spec.getScope()),
                                    names.getShortNames().toArray(String[]::new)),
                            new APIResourceBuilder(resource(names.getPlural() + "/status", "", names.getKind(), true))
                                    .withVerbs("get", "patch", "update").build())
                    .build());
        }
        documents.put("/apis", new APIGroupListBuilder().withGroups(groups).build());
        return documents;
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(String name, String version) {
        GroupVersionForDiscovery gv = new GroupVersionForDiscovery(name + "/" + version, version);
        return new APIGroupBuilder().withName(name).withVersions(gv).withPreferredVersion(gv).build();
    }

    private static APIResource resource(String plural, String singular, String kind, boolean namespaced, String... shortNames) {
        return new APIResourceBuilder().withName(plural).withSingularName(singular).withKind(kind).withNamespaced(namespaced)
                .withShortNames(shortNames).withVerbs(VERBS).build();
    }
}
