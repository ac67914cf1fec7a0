package io.metalkube.bootstrap.deploy;

import io.metalkube.bootstrap.deploy.Manifests.Doc;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.metalkube.bootstrap.deploy.Manifests.at;
import static io.metalkube.bootstrap.deploy.Manifests.list;
import static io.metalkube.bootstrap.deploy.Manifests.map;
import static io.metalkube.bootstrap.deploy.Manifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator's RBAC grants exactly what its controllers use: no wildcards, no cluster-admin, Secrets read-only. */
class RbacLeastPrivilegeTest {

    private final Manifests all = Manifests.load(Manifests.deployDir());

    @Test
    void noRuleUsesAWildcardOrNonResourceUrls() {
        List<Doc> roles = roles();
        assertThat(roles).isNotEmpty();
        for (Doc role : roles) {
            for (Object r : list(role.body().get("rules"))) {
                Map<String, Object> rule = map(r);
                for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
                    assertThat(strings(rule.get(field))).as(role.name() + " " + field).doesNotContain("*");
                }
                assertThat(rule).as(role.name()).doesNotContainKey("nonResourceURLs");
            }
        }
    }

    @Test
    void nothingIsBoundToClusterAdminOrAnyBuiltInRole() {
        all.docs().stream().filter(d -> d.kind().endsWith("RoleBinding")).forEach(b ->
                assertThat((String) at(b.body(), "roleRef", "name")).as(b.name()).startsWith("metalkube-")
                        .isNotIn("cluster-admin", "admin", "edit"));
    }

    @Test
    void grantsAreExactlyWhatTheControllersNeed() {
        Map<String, Set<String>> granted = grants();

        assertThat(granted.get("/secrets")).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(granted.get("/events")).containsExactlyInAnyOrder("create", "patch");
        assertThat(granted.get("coordination.k8s.io/leases")).containsExactlyInAnyOrder("get", "create", "update", "patch");
        assertThat(granted.get("metal3.io/baremetalhosts")).doesNotContain("delete", "deletecollection");
        assertThat(granted.get("metal3.io/baremetalhosts/status")).containsExactlyInAnyOrder("get", "update", "patch");
        assertThat(granted.get("cluster.k8s.io/machines")).doesNotContain("create", "delete", "deletecollection");
        assertThat(granted.get("cluster.k8s.io/machines/status")).containsExactlyInAnyOrder("get", "update", "patch");
        assertThat(granted.get("machine.openshift.io/machines")).doesNotContain("create", "delete", "deletecollection");
        assertThat(granted.get("machine.openshift.io/machines/status")).containsExactlyInAnyOrder("get", "update", "patch");
        assertThat(granted.keySet()).as("nothing beyond these resources")
                .containsExactlyInAnyOrder("/secrets", "/events", "coordination.k8s.io/leases",
                        "metal3.io/baremetalhosts", "metal3.io/baremetalhosts/status",
                        "cluster.k8s.io/machines", "cluster.k8s.io/machines/status",
                        "machine.openshift.io/machines", "machine.openshift.io/machines/status");
    }

    @Test
    void theLeaseIsGrantedOnlyInTheOperatorsNamespace() {
        for (Doc role : roles()) {
            boolean leases = list(role.body().get("rules")).stream()
                    .anyMatch(r -> strings(map(r).get("resources")).contains("leases"));
            if (leases) {
                assertThat(role.kind()).as(role.name() + " grants leases").isEqualTo("Role");
                assertThat(at(role.body(), "metadata", "namespace")).isEqualTo("metalkube");
            }
        }
    }

    private List<Doc> roles() {
        return all.docs().stream().filter(d -> d.kind().equals("Role") || d.kind().equals("ClusterRole")).toList();
    }

    @Test
    void usersGetBmhViewerAndBmhEditorAggregatedIntoViewEditAndAdmin() {
        Doc viewer = all.one("ClusterRole", "bmh-viewer");
        Doc editor = all.one("ClusterRole", "bmh-editor");
        assertThat(map(at(viewer.body(), "metadata", "labels"))).containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
        assertThat(map(at(editor.body(), "metadata", "labels"))).containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true");
        Map<String, Set<String>> read = grants(List.of(viewer));
        assertThat(read.keySet()).containsExactlyInAnyOrder("metal3.io/baremetalhosts", "metal3.io/baremetalhosts/status",
                "cluster.k8s.io/machines", "cluster.k8s.io/machines/status");
        read.values().forEach(verbs -> assertThat(verbs).containsExactlyInAnyOrder("get", "list", "watch"));
        Map<String, Set<String>> edit = grants(List.of(editor));
        assertThat(edit.get("metal3.io/baremetalhosts")).contains("create", "update", "patch", "delete");
        assertThat(edit.get("cluster.k8s.io/machines")).contains("create", "update", "patch", "delete");
        assertThat(edit.get("metal3.io/baremetalhosts/status")).as("status is the operator's").containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(edit.get("cluster.k8s.io/machines/status")).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(all.ofKind("ClusterRoleBinding").filter(b -> at(b.body(), "roleRef", "name").toString().startsWith("bmh-")))
                .as("bound by the site, not by the base").isEmpty();
    }

    /** The roles bound to the operator's ServiceAccount. */
    private List<Doc> operatorRoles() {
        return roles().stream().filter(r -> r.name().startsWith("metalkube-")).toList();
    }

    private Map<String, Set<String>> grants() {
        return grants(operatorRoles());
    }

    private static Map<String, Set<String>> grants(List<Doc> roles) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Doc role : roles) {
            for (Object r : list(role.body().get("rules"))) {
                Map<String, Object> rule = map(r);
                for (String group : strings(rule.get("apiGroups"))) {
                    for (String resource : strings(rule.get("resources"))) {
                        out.computeIfAbsent(group + "/" + resource, k -> new HashSet<>()).addAll(strings(rule.get("verbs")));
                    }
                }
            }
        }
        return out;
    }
}
