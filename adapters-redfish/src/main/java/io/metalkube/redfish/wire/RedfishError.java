package io.metalkube.redfish.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * An error response body (DSP0266 §9.4.9 / §8.6): {@code error.code}, {@code error.message} and the
 * {@code @Message.ExtendedInfo} messages. {@link #summary(int)} is what users are shown, clipped.
 */
public record RedfishError(String code, String message, List<Message> extendedInfo) {

    public RedfishError {
        extendedInfo = List.copyOf(extendedInfo);
    }

    /** One Message (schema Message): MessageId, the text and what to do about it. */
    public record Message(String messageId, String message, String severity, String resolution) {
    }

    public static RedfishError decode(byte[] body) {
        Fields f = Fields.parse(body, "error response");
        Fields error = f.object("error");
        if (error == null) {
            throw new RedfishDecodeException("error response has no \"error\" object");
        }
        List<Message> info = new ArrayList<>();
        for (Fields m : error.objects("@Message.ExtendedInfo")) {
            info.add(new Message(m.text("MessageId"), m.text("Message"), m.text("Severity"), m.text("Resolution")));
        }
        return new RedfishError(error.text("code"), error.text("message"), info);
    }

    /**
     * What the BMC said, for a user: the extended messages (with their MessageId) or else {@code message} or else the
     * code, joined with "; " and clipped to {@code max} characters.
     */
    public String summary(int max) {
        List<String> parts = new ArrayList<>();
        for (Message m : extendedInfo) {
            if (m.message() != null && !m.message().isBlank()) {
                parts.add((m.messageId() == null ? "" : m.messageId() + ": ") + m.message().strip()
                        + (m.resolution() == null || m.resolution().isBlank() ? "" : " (" + m.resolution().strip() + ")"));
            }
        }
        if (parts.isEmpty() && message != null && !message.isBlank()) {
            parts.add((code == null ? "" : code + ": ") + message.strip());
        }
        if (parts.isEmpty() && code != null) {
            parts.add(code);
        }
        return clip(String.join("; ", parts), max);
    }

    /** Shortens {@code text} to {@code max} characters, marking the cut, and flattens line breaks. */
    public static String clip(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, Math.max(0, max - 1)) + "…";
    }
}
