package io.metalkube.bootstrap.admission;

import io.metalkube.kubernetes.admission.AdmissionWebhook;
import io.metalkube.kubernetes.admission.WebhookReply;
import io.metalkube.kubernetes.admission.WebhookTarget;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Driving adapter: serves the validating admission webhook (deploy/webhook) to the API server. Answers only on the
 * TLS listener: the same paths on the plain-HTTP port (health, metrics) get 403, so a review can never travel in
 * clear text. Enabled by {@code metalkube.webhook.enabled}; {@link WebhookTlsCheck} refuses to start without TLS.
 */
@Controller
@Requires(property = WebhookTlsCheck.ENABLED, value = "true")
public final class AdmissionController {

    static final String HOST_PATH = "/validate-metal3-io-v1alpha1-baremetalhost";
    static final String MACHINE_PATH = "/validate-cluster-k8s-io-v1alpha1-machine";

    private final AdmissionWebhook webhook = new AdmissionWebhook();

    @Post(uri = HOST_PATH, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> bareMetalHost(HttpRequest<?> request, @Body String body) {
        return answer(WebhookTarget.BARE_METAL_HOST, request, body);
    }

    @Post(uri = MACHINE_PATH, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> machine(HttpRequest<?> request, @Body String body) {
        return answer(WebhookTarget.MACHINE, request, body);
    }

    private HttpResponse<String> answer(WebhookTarget target, HttpRequest<?> request, String body) {
        if (!request.isSecure()) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"code\":403,\"reason\":\"Forbidden\","
                            + "\"message\":\"the admission webhook answers only over TLS (micronaut.server.ssl.port)\"}");
        }
        WebhookReply reply = webhook.handle(target, body);
        return HttpResponse.<String>status(HttpStatus.valueOf(reply.httpStatus())).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(reply.body());
    }
}
