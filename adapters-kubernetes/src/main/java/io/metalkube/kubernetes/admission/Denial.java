package io.metalkube.kubernetes.admission;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of a denial: which object, how many problems, each one (bounded), and one Status cause per problem. */
final class Denial {

    private static final Pattern FIELD = Pattern.compile("^((?:spec|metadata)\\.[A-Za-z0-9_.\\[\\]]+|annotation [^ :]+)");

    private Denial() {
    }

    static String message(String who, List<String> problems) {
        StringBuilder m = new StringBuilder(who).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("): ");
        int listed = Math.min(problems.size(), AdmissionWebhook.MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            m.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(Text.clip(problems.get(i), Text.MAX_PROBLEM));
        }
        if (problems.size() > listed) {
            m.append("; and ").append(problems.size() - listed).append(" more");
        }
        return m.toString();
    }

    static List<StatusCause> causes(List<String> problems) {
        List<StatusCause> causes = new ArrayList<>();
        for (String p : problems.subList(0, Math.min(problems.size(), AdmissionWebhook.MAX_LISTED))) {
            Matcher f = FIELD.matcher(p);
            String field = !f.find() ? null
                    : f.group(1).startsWith("annotation ") ? "metadata.annotations[" + f.group(1).substring("annotation ".length()) + "]"
                    : f.group(1);
            causes.add(new StatusCauseBuilder().withReason("FieldValueInvalid").withField(field).withMessage(Text.clip(p, Text.MAX_PROBLEM)).build());
        }
        return causes;
    }
}
