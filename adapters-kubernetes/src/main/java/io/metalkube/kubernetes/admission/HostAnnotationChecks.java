package io.metalkube.kubernetes.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.WireNamed;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;

import java.util.List;
import java.util.Map;

/**
 * metal3's annotation checks (metal3-anchors.md §1.5, §1.7): everything the codec finds malformed (reboot, detach,
 * status and hardware-details JSON), plus the value rules it reads leniently: the status backup's operationalStatus
 * and errorType must be known values, {@code inspect.metal3.io} is empty or {@code disabled}, and hardware details
 * may only be given while inspection is disabled.
 */
final class HostAnnotationChecks {

    private static final java.util.regex.Pattern LENIENT_READING =
            java.util.regex.Pattern.compile("; (ignoring it|rebooting soft, then hard|detaching without force|rebooting without force"
                    + "|deleting a detached host is not delayed|read as removed)$");

    private HostAnnotationChecks() {
    }

    static void check(Map<String, String> annotations, List<String> problems) {
        if (annotations == null || annotations.isEmpty()) {
            return;
        }
        // the codec says how the controller reads a malformed value anyway; for a denial only the fault matters
        HostAnnotationCodec.parse(annotations).problems().forEach(p -> problems.add(LENIENT_READING.matcher(p).replaceFirst("")));
        valueRules(annotations, problems);
    }

    /** Only the value rules the codec reads leniently (it reports nothing for them), not its malformed-value findings. */
    static void valueRules(Map<String, String> annotations, List<String> problems) {
        if (annotations == null || annotations.isEmpty()) {
            return;
        }
        String inspect = annotations.get(HostAnnotationCodec.INSPECT);
        if (inspect != null && !inspect.isEmpty() && !inspect.equals("disabled")) {
            problems.add("annotation " + HostAnnotationCodec.INSPECT + " must be empty (inspect again) or \"disabled\", not " + Text.quote(inspect));
        }
        if (annotations.get(HostAnnotationCodec.HARDWARE_DETAILS) != null && !"disabled".equals(inspect)) {
            problems.add("annotation " + HostAnnotationCodec.HARDWARE_DETAILS + " is only allowed together with "
                    + HostAnnotationCodec.INSPECT + ": disabled");
        }
        String status = annotations.get(HostAnnotationCodec.STATUS);
        if (status != null) {
            statusValues(status, problems);
        }
    }

    private static void statusValues(String value, List<String> problems) {
        JsonNode json;
        try {
            json = WireDecoder.JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return; // already reported by the codec
        }
        if (json == null || !json.isObject()) {
            return;
        }
        JsonNode op = json.path("operationalStatus");
        if (op.isTextual() && !op.asText().isEmpty() && WireNamed.fromWire(OperationalStatus.class, op.asText()).isEmpty()) {
            problems.add("annotation " + HostAnnotationCodec.STATUS + ": operationalStatus " + Text.quote(op.asText())
                    + " is not one of OK, discovered, error, delayed, detached");
        }
        JsonNode et = json.path("errorType");
        if (et.isTextual() && !et.asText().isEmpty() && WireNamed.fromWire(ErrorType.class, et.asText()).isEmpty()) {
            problems.add("annotation " + HostAnnotationCodec.STATUS + ": errorType " + Text.quote(et.asText()) + " is not a known error type");
        }
    }
}
