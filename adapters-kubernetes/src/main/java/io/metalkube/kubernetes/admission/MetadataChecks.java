package io.metalkube.kubernetes.admission;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names and labels as a real API server validates them (apimachinery's IsQualifiedName / IsValidLabelValue).
 * Repeated here so that hostile names and labels get a clear denial even behind API servers or mocks that do not
 * check them, before they reach selectors, events and back-end node names.
 */
final class MetadataChecks {

    private static final Pattern LABEL_NAME = Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private MetadataChecks() {
    }

    static void check(ObjectMeta meta, List<String> problems) {
        if (meta == null) {
            problems.add("metadata is missing");
            return;
        }
        String name = meta.getName();
        if ((name == null || name.isEmpty()) && (meta.getGenerateName() == null || meta.getGenerateName().isEmpty())) {
            problems.add("metadata.name is required");
        } else if (name != null && !name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
            problems.add("metadata.name " + Text.quote(name) + " must be a DNS subdomain: lower-case letters, digits, '-' and '.', "
                    + "at most 253 characters");
        }
        Map<String, String> labels = meta.getLabels();
        if (labels != null) {
            labels.forEach((k, v) -> label(k, v, problems));
        }
    }

    /** Label key and value rules with {@code where} naming the field, e.g. a Machine's host selector. */
    static void label(String where, String key, String value, List<String> problems) {
        List<String> found = new java.util.ArrayList<>();
        label(key, value, found);
        found.forEach(p -> problems.add(p.replaceFirst("^metadata\\.labels", where)));
    }

    private static void label(String key, String value, List<String> problems) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                problems.add("metadata.labels: key " + Text.quote(key) + " has an invalid prefix; it must be a DNS subdomain like example.com");
                return;
            }
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            problems.add("metadata.labels: key " + Text.quote(key) + " is invalid; a label name is at most 63 letters, digits, "
                    + "'-', '_' or '.', starting and ending with a letter or digit");
            return;
        }
        if (value != null && !value.isEmpty() && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
            problems.add("metadata.labels: value " + Text.quote(value) + " of " + Text.quote(key) + " is invalid; a label value is at "
                    + "most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }
}
