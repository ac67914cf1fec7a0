package io.metalkube.kubernetes.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Driving adapter: the validating admission webhook. Takes the AdmissionReview (admission.k8s.io/v1) the API server
 * posts for a BareMetalHost or Machine CREATE/UPDATE and answers allowed, or denied with every problem in one message
 * (status code 422, reason Invalid; 400 BadRequest when the object cannot even be read). On UPDATE only problems the
 * change introduces deny it; problems the old object already had come back as warnings, so an object that bypassed
 * the webhook can still be fixed, released and deleted (the operator's own finalizer edits are updates too).
 * A body that is not an AdmissionReview v1 gets HTTP 400.
 */
public final class AdmissionWebhook {

    private static final Logger LOG = Logger.getLogger(AdmissionWebhook.class.getName());
    static final String API_VERSION = "admission.k8s.io/v1";
    static final int MAX_LISTED = 20;

    private final HostAdmission hosts = new HostAdmission();
    private final MachineAdmission machines = new MachineAdmission();

    /** The reply to the review in {@code body}, posted to {@code target}'s path. Never throws for bad input. */
    public WebhookReply handle(WebhookTarget target, String body) {
        JsonNode review;
        try {
            review = body == null || body.isBlank() ? null : WireDecoder.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return badRequest("the request body is not JSON (" + Text.clip(e.getOriginalMessage(), 120) + "); expected an AdmissionReview "
                    + API_VERSION);
        }
        if (review == null || !review.isObject()) {
            return badRequest("the request body is empty or not a JSON object; expected an AdmissionReview " + API_VERSION);
        }
        if (!API_VERSION.equals(review.path("apiVersion").asText()) || !"AdmissionReview".equals(review.path("kind").asText())) {
            return badRequest("expected apiVersion " + API_VERSION + " and kind AdmissionReview, got "
                    + Text.quote(review.path("apiVersion").asText()) + " " + Text.quote(review.path("kind").asText())
                    + "; set admissionReviewVersions: [v1] in the ValidatingWebhookConfiguration");
        }
        JsonNode request = review.path("request");
        if (!request.isObject() || !request.path("uid").isTextual() || request.path("uid").asText().isEmpty()) {
            return badRequest("the AdmissionReview has no request.uid; nothing to answer");
        }
        AdmissionResponse response = respond(target, request);
        return new WebhookReply(200, write(new AdmissionReviewBuilder().withApiVersion(API_VERSION).withKind("AdmissionReview")
                .withResponse(response).build()));
    }

    private AdmissionResponse respond(WebhookTarget target, JsonNode request) {
        String uid = request.path("uid").asText();
        String operation = request.path("operation").asText("");
        if (operation.equals("DELETE") || operation.equals("CONNECT")) {
            return allowed(uid, List.of());
        }
        if (!operation.equals("CREATE") && !operation.equals("UPDATE")) {
            return denied(uid, 400, "BadRequest", "request.operation " + Text.quote(operation) + " is not CREATE, UPDATE, DELETE or CONNECT",
                    List.of());
        }
        JsonNode kind = request.path("kind");
        if (!target.group().equals(kind.path("group").asText()) || !target.kind().equals(kind.path("kind").asText())) {
            return denied(uid, 400, "BadRequest", "this webhook path validates " + target.kind() + " (" + target.group() + "), not "
                    + Text.quote(kind.path("kind").asText()) + " (" + Text.quote(kind.path("group").asText())
                    + "); check the rules of the ValidatingWebhookConfiguration", List.of());
        }
        JsonNode object = request.path("object");
        if (!object.isObject()) {
            return denied(uid, 400, "BadRequest", "request.object is missing for " + operation, List.of());
        }
        try {
            String namespace = request.path("namespace").asText("");
            return target == WebhookTarget.BARE_METAL_HOST ? host(uid, operation, namespace, object, request.path("oldObject"))
                    : machine(uid, operation, namespace, object, request.path("oldObject"));
        } catch (WireDecoder.UndecodableObject e) {
            return denied(uid, 400, "BadRequest", target.kind() + " " + describe(request) + " cannot be read: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            // a defect in a check must not turn into a 500 that blocks every write (failurePolicy Fail): deny, say why, log it
            LOG.log(Level.WARNING, "admission check failed on " + target.kind() + " " + describe(request), e);
            return denied(uid, 400, "BadRequest", target.kind() + " " + describe(request) + " could not be validated ("
                    + e.getClass().getSimpleName() + "); see the operator log", List.of());
        }
    }

    private AdmissionResponse host(String uid, String operation, String namespace, JsonNode object, JsonNode oldObject)
            throws WireDecoder.UndecodableObject {
        BareMetalHost now = inNamespace(WireDecoder.decode(object, BareMetalHost.class), namespace);
        if (now.getMetadata() != null && now.getMetadata().getDeletionTimestamp() != null) {
            return allowed(uid, List.of());
        }
        String who = BareMetalHost.KIND + " " + name(now.getMetadata());
        if (operation.equals("UPDATE") && oldObject.isObject()) {
            BareMetalHost before = inNamespace(WireDecoder.decode(oldObject, BareMetalHost.class), namespace);
            List<String> had = hosts.onCreate(inNamespace(WireDecoder.decode(oldObject, BareMetalHost.class), namespace));
            return judge(uid, who, hosts.onUpdate(before, now), had);
        }
        return judge(uid, who, hosts.onCreate(now), List.of());
    }

    private AdmissionResponse machine(String uid, String operation, String namespace, JsonNode object, JsonNode oldObject)
            throws WireDecoder.UndecodableObject {
        Machine now = inNamespace(WireDecoder.decode(object, Machine.class), namespace);
        if (now.getMetadata() != null && now.getMetadata().getDeletionTimestamp() != null) {
            return allowed(uid, List.of());
        }
        String who = Machine.KIND + " " + name(now.getMetadata());
        List<String> had = operation.equals("UPDATE") && oldObject.isObject()
                ? machines.check(inNamespace(WireDecoder.decode(oldObject, Machine.class), namespace)) : List.of();
        return judge(uid, who, machines.check(now), had);
    }

    /** The object's namespace is the request's when the client left it out (kubectl apply -n does). */
    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T inNamespace(T object, String namespace) {
        var meta = object.getMetadata();
        if (meta != null && (meta.getNamespace() == null || meta.getNamespace().isEmpty()) && !namespace.isEmpty()) {
            meta.setNamespace(namespace);
        }
        return object;
    }

    /** Denies for the problems not already present before the change; the others become warnings. */
    private static AdmissionResponse judge(String uid, String who, List<String> problems, List<String> hadBefore) {
        List<String> fresh = new ArrayList<>();
        List<String> inherited = new ArrayList<>();
        for (String p : problems) {
            (hadBefore.contains(p) ? inherited : fresh).add(p);
        }
        List<String> warnings = inherited.stream().map(p -> "already invalid before this change: " + Text.clip(p, Text.MAX_PROBLEM)).toList();
        if (fresh.isEmpty()) {
            return allowed(uid, warnings);
        }
        return denied(uid, 422, "Invalid", Denial.message(who, fresh), warnings, Denial.causes(fresh));
    }

    private static AdmissionResponse allowed(String uid, List<String> warnings) {
        return new AdmissionResponseBuilder().withUid(uid).withAllowed(true).withWarnings(warnings.isEmpty() ? null : warnings).build();
    }

    private static AdmissionResponse denied(String uid, int code, String reason, String message, List<String> warnings) {
        return denied(uid, code, reason, message, warnings, List.of());
    }

    private static AdmissionResponse denied(String uid, int code, String reason, String message, List<String> warnings,
                                            List<io.fabric8.kubernetes.api.model.StatusCause> causes) {
        StatusBuilder status = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message);
        if (!causes.isEmpty()) {
            status.withNewDetails().withCauses(causes).endDetails();
        }
        return new AdmissionResponseBuilder().withUid(uid).withAllowed(false).withStatus(status.build())
                .withWarnings(warnings.isEmpty() ? null : warnings).build();
    }

    private static WebhookReply badRequest(String message) {
        Status status = new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure").withCode(400)
                .withReason("BadRequest").withMessage(message).build();
        return new WebhookReply(400, write(status));
    }

    private static String describe(JsonNode request) {
        String ns = request.path("namespace").asText("");
        String name = request.path("name").asText(request.path("object").path("metadata").path("name").asText(""));
        return Text.quote(ns.isEmpty() ? name : ns + "/" + name);
    }

    private static String name(io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        if (meta == null) {
            return "\"\"";
        }
        String ns = meta.getNamespace() == null || meta.getNamespace().isEmpty() ? "" : meta.getNamespace() + "/";
        return Text.quote(ns + (meta.getName() == null ? "" : meta.getName()));
    }

    private static String write(Object value) {
        try {
            return WireDecoder.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise an admission reply", e);
        }
    }
}
