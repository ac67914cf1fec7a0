package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.InvalidSelectorException;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.claim.Requirement;
import io.metalkube.domain.claim.SelectorOperator;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.kubernetes.crd.MachineSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Machine's provider config into a claim request, or says precisely what is wrong with it.
 * Accepted (metal3-anchors.md §0): {@code spec.providerSpec.value} or, as in the MetalKube seed,
 * {@code spec.providerConfig.value}; kind {@code BareMetalProviderConfig} with {@code selector} (a plain label map
 * or matchLabels/matchExpressions) or kind {@code BareMetalMachineProviderSpec} with {@code hostSelector}
 * (matchLabels/matchExpressions); optional {@code image {url, checksum[, checksumType, format]}} and
 * {@code userData {name[, namespace]}} (same namespace only). OpenShift's Machines: {@link #readOpenShift}.
 */
public final class ProviderConfigReader {

    public static final String SEED_KIND = "BareMetalProviderConfig";
    public static final String CAPBM_KIND = "BareMetalMachineProviderSpec";

    private ProviderConfigReader() {
    }

    public static ProviderConfig read(MachineSpec spec, ConsumerRef consumer, String namespace) {
        try {
            return new ProviderConfig.Valid(request(spec, consumer, namespace));
        } catch (Invalid | InvalidSelectorException e) {
            return new ProviderConfig.Invalid(e.getMessage());
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * An OpenShift Machine's {@code spec.providerSpec.value}: kind {@value #CAPBM_KIND} only, read as OpenShift's
     * baremetal actuator reads it (configFromProviderSpec: strict, an unknown field is an error; provisionHost: an image
     * with empty url and checksum is none, {@code customDeploy.method} goes to the host), except that a {@code userData}
     * Secret must be in the Machine's namespace.
     */
    public static ProviderConfig readOpenShift(MachineSpec.ProviderValue providerSpec, ConsumerRef consumer, String namespace) {
        try {
            String where = "spec.providerSpec.value";
            if (providerSpec == null || providerSpec.value == null || providerSpec.value.isNull()) {
                throw new Invalid("the Machine has no provider spec: set " + where + " with kind " + CAPBM_KIND);
            }
            JsonNode value = object(where, providerSpec.value);
            String kind = value.path("kind").asText("");
            if (!CAPBM_KIND.equals(kind)) {
                throw new Invalid(kind.isEmpty() ? where + ".kind is missing; use " + CAPBM_KIND
                        : where + ".kind \"" + kind + "\" is not supported on machine.openshift.io Machines; use " + CAPBM_KIND);
            }
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!OPENSHIFT_FIELDS.contains(f)) {
                    throw new Invalid(where + " has an unknown field \"" + f + "\"; " + CAPBM_KIND + " has " + String.join(", ", OPENSHIFT_FIELDS));
                }
            }
            JsonNode image = value.path("image");
            boolean noImage = image.isObject() && image.path("url").asText("").isEmpty() && image.path("checksum").asText("").isEmpty();
            return new ProviderConfig.Valid(new ClaimRequest(consumer, namespace,
                    structuredSelector(where + ".hostSelector", value.path("hostSelector")),
                    noImage ? null : image(where + ".image", image), // CAPBM: an empty image {} sets no image
                    userData(where + ".userData", value.path("userData"), namespace))
                    .withCustomDeploy(customDeploy(where + ".customDeploy", value.path("customDeploy"))));
        } catch (Invalid | InvalidSelectorException e) {
            return new ProviderConfig.Invalid(e.getMessage());
        }
    }

    /** The top-level fields of OpenShift's BareMetalMachineProviderSpec. */
    private static final List<String> OPENSHIFT_FIELDS = List.of("apiVersion", "kind", "metadata", "image", "userData", "hostSelector",
            "customDeploy");

    /** {@code customDeploy {method}}: an empty method is none, as CAPBM's provisionHost reads it. */
    private static CustomDeploy customDeploy(String where, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Invalid(where + " must be an object {method: <deploy step, e.g. install_coreos>}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("method")) {
                throw new Invalid(where + " has an unknown field \"" + f + "\"; only method is allowed");
            }
        }
        JsonNode method = node.path("method");
        if (!method.isMissingNode() && !method.isNull() && !method.isTextual()) {
            throw new Invalid(where + ".method must be a string (a deploy step, e.g. install_coreos)");
        }
        return CustomDeploy.ofNullable(method.asText(null));
    }

    private static ClaimRequest request(MachineSpec spec, ConsumerRef consumer, String namespace) {
        String where;
        JsonNode value;
        if (spec != null && spec.providerSpec != null && spec.providerSpec.value != null && !spec.providerSpec.value.isNull()) {
            where = "spec.providerSpec.value";
            value = spec.providerSpec.value;
        } else if (spec != null && spec.providerConfig != null && spec.providerConfig.value != null && !spec.providerConfig.value.isNull()) {
            where = "spec.providerConfig.value";
            value = spec.providerConfig.value;
        } else {
            throw new Invalid("the Machine has no provider config: set spec.providerSpec.value (or spec.providerConfig.value) "
                    + "with kind " + CAPBM_KIND + " or " + SEED_KIND);
        }
        object(where, value);
        String kind = value.path("kind").asText("");
        LabelSelector selector = switch (kind) {
            case SEED_KIND -> seedSelector(where + ".selector", value.path("selector"));
            case CAPBM_KIND -> structuredSelector(where + ".hostSelector", value.path("hostSelector"));
            case "" -> throw new Invalid(where + ".kind is missing; use " + CAPBM_KIND + " or " + SEED_KIND);
            default -> throw new Invalid(where + ".kind \"" + kind + "\" is not supported; use " + CAPBM_KIND + " or " + SEED_KIND);
        };
        Image image = image(where + ".image", value.path("image"));
        SecretRef userData = userData(where + ".userData", value.path("userData"), namespace);
        return new ClaimRequest(consumer, namespace, selector, image, userData);
    }

    private static JsonNode object(String where, JsonNode value) {
        if (!value.isObject()) {
            throw new Invalid(where + " must be an object, not " + value.getNodeType().name().toLowerCase());
        }
        return value;
    }

    /** The seed's {@code selector}: a plain label map, or the structured form. */
    private static LabelSelector seedSelector(String where, JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return LabelSelector.everything();
        }
        if (!selector.isObject()) {
            throw new Invalid(where + " must be a map of labels or {matchLabels, matchExpressions}");
        }
        boolean structured = selector.path("matchLabels").isObject() || selector.path("matchExpressions").isArray();
        return structured ? structuredSelector(where, selector) : LabelSelector.ofLabels(labels(where, selector));
    }

    private static LabelSelector structuredSelector(String where, JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return LabelSelector.everything();
        }
        if (!selector.isObject()) {
            throw new Invalid(where + " must be an object with matchLabels and/or matchExpressions");
        }
        for (Iterator<String> it = selector.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("matchLabels") && !f.equals("matchExpressions")) {
                throw new Invalid(where + " has an unknown field \"" + f + "\"; only matchLabels and matchExpressions are allowed");
            }
        }
        Map<String, String> labels = selector.has("matchLabels") ? labels(where + ".matchLabels", selector.get("matchLabels")) : Map.of();
        List<Requirement> expressions = new ArrayList<>();
        JsonNode exprs = selector.path("matchExpressions");
        if (!exprs.isMissingNode() && !exprs.isNull()) {
            if (!exprs.isArray()) {
                throw new Invalid(where + ".matchExpressions must be a list");
            }
            for (int i = 0; i < exprs.size(); i++) {
                expressions.add(requirement(where + ".matchExpressions[" + i + "]", exprs.get(i)));
            }
        }
        return new LabelSelector(labels, expressions);
    }

    private static Requirement requirement(String where, JsonNode e) {
        if (!e.isObject()) {
            throw new Invalid(where + " must be an object {key, operator, values}");
        }
        String op = e.path("operator").asText("");
        SelectorOperator operator = SelectorOperator.fromWire(op).orElseThrow(() -> new Invalid(where + ".operator \"" + op
                + "\" is not one of In, NotIn, Exists, DoesNotExist, Gt, Lt"));
        List<String> values = new ArrayList<>();
        JsonNode v = e.path("values");
        if (!v.isMissingNode() && !v.isNull()) {
            if (!v.isArray()) {
                throw new Invalid(where + ".values must be a list of strings");
            }
            v.forEach(x -> values.add(scalar(where + ".values", x)));
        }
        try {
            return new Requirement(e.path("key").asText(""), operator, values);
        } catch (InvalidSelectorException ex) {
            throw new Invalid(where + ": " + ex.getMessage());
        }
    }

    private static Map<String, String> labels(String where, JsonNode node) {
        if (!node.isObject()) {
            throw new Invalid(where + " must be a map of label names to values");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), scalar(where + "." + f.getKey(), f.getValue())));
        return labels;
    }

    private static String scalar(String where, JsonNode v) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new Invalid(where + " must be a string, not " + v.getNodeType().name().toLowerCase());
    }

    private static Image image(String where, JsonNode image) {
        if (image.isMissingNode() || image.isNull()) {
            return null;
        }
        if (!image.isObject()) {
            throw new Invalid(where + " must be an object {url, checksum}");
        }
        String url = image.path("url").asText("");
        if (url.isBlank()) {
            throw new Invalid(where + ".url is missing; give the image URL (and its checksum)");
        }
        String checksumType = image.path("checksumType").asText(null);
        ChecksumType ct = checksumType == null ? null : ChecksumType.fromWire(checksumType).orElseThrow(() -> new Invalid(
                where + ".checksumType \"" + checksumType + "\" is not one of md5, sha256, sha512, auto"));
        String format = image.path("format").asText(null);
        DiskFormat df = format == null ? null : DiskFormat.fromWire(format).orElseThrow(() -> new Invalid(
                where + ".format \"" + format + "\" is not one of raw, qcow2, vdi, vmdk, live-iso"));
        return new Image(url, image.path("checksum").asText(""), ct, df);
    }

    private static SecretRef userData(String where, JsonNode ref, String namespace) {
        if (ref.isMissingNode() || ref.isNull()) {
            return null;
        }
        if (!ref.isObject() || ref.path("name").asText("").isBlank()) {
            throw new Invalid(where + " must name a Secret: {name: <secret>}");
        }
        String ns = ref.path("namespace").asText("");
        SecretRef secret = new SecretRef(ref.path("name").asText(), ns);
        if (secret.crossesNamespace(namespace)) {
            throw new Invalid(where + " refers to Secret " + ns + "/" + secret.name() + " in another namespace; MetalKube reads "
                    + "Secrets only from the Machine's own namespace (" + namespace + "): copy the Secret there or drop the namespace");
        }
        return new SecretRef(secret.name(), namespace);
    }
}
