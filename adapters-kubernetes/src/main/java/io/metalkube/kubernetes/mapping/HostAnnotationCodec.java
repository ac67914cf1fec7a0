package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * metal3's host annotations (metal3-anchors.md §1.5) read into {@link HostAnnotations}. Malformed values never
 * fail the read: each one is reported as a problem (shown to the user as a Warning event) and read as the
 * safest meaning — a malformed reboot value still reboots (soft, then hard), a malformed detach value still
 * detaches (without force), a malformed hardware-details or status-backup value is ignored.
 */
public final class HostAnnotationCodec {

    public static final String PAUSED = "baremetalhost.metal3.io/paused";
    public static final String DETACHED = "baremetalhost.metal3.io/detached";
    public static final String STATUS = "baremetalhost.metal3.io/status";
    public static final String REBOOT = "reboot.metal3.io";
    public static final String REBOOT_PREFIX = "reboot.metal3.io/";
    public static final String INSPECT = "inspect.metal3.io";
    public static final String HARDWARE_DETAILS = "inspect.metal3.io/hardwaredetails";
    /** CAPM3's remediation mark (v1beta2 name) and the deprecated one it still honours: no new consumer. */
    public static final String UNHEALTHY = "capm3.metal3.io/unhealthy";
    public static final String UNHEALTHY_DEPRECATED = "capi.metal3.io/unhealthy";

    private HostAnnotationCodec() {
    }

    /** The parsed annotations, and what was wrong with any of them (empty when all were well-formed). */
    public record Parsed(HostAnnotations annotations, List<String> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    public static Parsed parse(Map<String, String> annotations) {
        List<String> problems = new ArrayList<>();
        for (String key : Wire.nullValued(annotations)) {
            problems.add(nullValue("annotation", key));
        }
        Map<String, String> a = new TreeMap<>(Wire.withoutNullValues(annotations));
        boolean paused = a.containsKey(PAUSED);
        Optional<DetachRequest> detached = a.containsKey(DETACHED) ? Optional.of(detach(a.get(DETACHED), problems)) : Optional.empty();
        List<RebootRequest> reboots = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (e.getKey().equals(REBOOT)) {
                reboots.add(reboot("", e.getKey(), e.getValue(), problems));
            } else if (e.getKey().startsWith(REBOOT_PREFIX)) {
                String key = e.getKey().substring(REBOOT_PREFIX.length());
                if (key.isEmpty()) {
                    problems.add("annotation " + e.getKey() + " has an empty key after the slash; use reboot.metal3.io or reboot.metal3.io/<key>");
                    continue;
                }
                reboots.add(reboot(key, e.getKey(), e.getValue(), problems));
            }
        }
        InspectRequest inspect = !a.containsKey(INSPECT) ? InspectRequest.NONE
                : "disabled".equals(a.get(INSPECT)) ? InspectRequest.DISABLED : InspectRequest.REINSPECT;
        Optional<HardwareDetails> hardware = Optional.empty();
        if (a.containsKey(HARDWARE_DETAILS)) {
            hardware = convert(HARDWARE_DETAILS, read(HARDWARE_DETAILS, a.get(HARDWARE_DETAILS), BareMetalHostStatus.Hardware.class, problems),
                    HostStatusMapper::hardware, problems);
        }
        Optional<HostStatus> backup = Optional.empty();
        if (a.containsKey(STATUS)) {
            backup = convert(STATUS, read(STATUS, a.get(STATUS), BareMetalHostStatus.class, problems), HostStatusMapper::toDomain, problems);
        }
        boolean unhealthy = a.containsKey(UNHEALTHY) || a.containsKey(UNHEALTHY_DEPRECATED);
        return new Parsed(new HostAnnotations(paused, detached, reboots, inspect, hardware, backup, unhealthy), problems);
    }

    /** What is reported for a label or annotation whose value is null: it is read as removed. */
    static String nullValue(String what, String key) {
        return what + " " + key + " has a null value (an API server that keeps nulls leaves one after `kubectl "
                + (what.equals("label") ? "label" : "annotate") + " <host> " + key + "-`); read as removed";
    }

    /** The value of {@value #STATUS}: the status as metal3 would write it (JSON of status, no conditions). */
    public static String statusBackup(HostStatus status, String namespace) {
        try {
            return Wire.JSON.writeValueAsString(HostStatusMapper.toWire(status, namespace));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a host status", e);
        }
    }

    private static DetachRequest detach(String value, List<String> problems) {
        if (value == null || value.isBlank() || value.equals("true")) {
            return new DetachRequest(false);
        }
        Optional<JsonNode> json = readTree(DETACHED, value, problems);
        if (json.isEmpty()) {
            return new DetachRequest(false);
        }
        JsonNode force = json.get().path("force");
        if (!force.isMissingNode() && !force.isBoolean()) {
            problems.add("annotation " + DETACHED + ": \"force\" must be true or false, not " + force + "; detaching without force");
            return new DetachRequest(false, deleteAction(json.get(), problems));
        }
        return new DetachRequest(force.asBoolean(false), deleteAction(json.get(), problems));
    }

    /** metal3's DetachedAnnotationArguments.deleteAction: "delete" (the default) or "delay". */
    private static DetachRequest.DeleteAction deleteAction(JsonNode value, List<String> problems) {
        JsonNode action = value.path("deleteAction");
        if (action.isMissingNode() || action.isNull()) {
            return DetachRequest.DeleteAction.DELETE;
        }
        return io.metalkube.domain.host.WireNamed.fromWire(DetachRequest.DeleteAction.class, action.asText()).orElseGet(() -> {
            problems.add("annotation " + DETACHED + ": \"deleteAction\" must be \"delay\" or \"delete\", not " + action
                    + "; deleting a detached host is not delayed");
            return DetachRequest.DeleteAction.DELETE;
        });
    }

    /** metal3's RebootAnnotationArguments {mode, force}; anything malformed reads as soft-then-hard, not forced. */
    private static RebootRequest reboot(String suffix, String key, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return new RebootRequest(suffix, RebootMode.SOFT_THEN_HARD, false);
        }
        Optional<JsonNode> json = readTree(key, value, problems);
        if (json.isEmpty()) {
            return new RebootRequest(suffix, RebootMode.SOFT_THEN_HARD, false);
        }
        JsonNode force = json.get().path("force");
        boolean forced = force.isBoolean() && force.asBoolean();
        if (!force.isMissingNode() && !force.isNull() && !force.isBoolean()) {
            problems.add("annotation " + key + ": \"force\" must be true or false, not " + force + "; rebooting without force");
        }
        return new RebootRequest(suffix, rebootMode(key, json.get(), problems), forced);
    }

    private static RebootMode rebootMode(String key, JsonNode value, List<String> problems) {
        JsonNode mode = value.path("mode");
        if (mode.isMissingNode() || mode.isNull()) {
            return RebootMode.SOFT_THEN_HARD;
        }
        return switch (mode.asText()) {
            case "hard" -> RebootMode.HARD;
            case "soft" -> RebootMode.SOFT_THEN_HARD;
            default -> {
                problems.add("annotation " + key + ": mode must be \"hard\" or \"soft\", not " + mode + "; rebooting soft, then hard");
                yield RebootMode.SOFT_THEN_HARD;
            }
        };
    }

    private static Optional<JsonNode> readTree(String key, String value, List<String> problems) {
        try {
            JsonNode node = Wire.JSON.readTree(value);
            if (node == null || !node.isObject()) {
                problems.add("annotation " + key + " must hold a JSON object, not " + abbreviate(value));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            problems.add("annotation " + key + " is not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(value));
            return Optional.empty();
        }
    }

    private static <T> Optional<T> read(String key, String value, Class<T> type, List<String> problems) {
        Optional<JsonNode> tree = readTree(key, value, problems);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Wire.JSON.treeToValue(tree.get(), type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            problems.add("annotation " + key + " does not have the expected shape (" + why + "); ignoring it");
            return Optional.empty();
        }
    }

    /** {@code read} of a value already decoded; what it cannot read makes the annotation ignored, with a problem. */
    private static <T, R> Optional<R> convert(String key, Optional<T> value, java.util.function.Function<T, R> read, List<String> problems) {
        try {
            return value.map(read);
        } catch (UnreadableFieldException e) {
            problems.add("annotation " + key + ": " + e.getMessage() + "; ignoring it");
            return Optional.empty();
        } catch (RuntimeException e) {
            String why = e.toString();
            problems.add("annotation " + key + " does not have the expected shape (" + why + "); ignoring it");
            return Optional.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
