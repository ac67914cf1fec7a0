package io.metalkube.kubernetes.admission;

/** Quoting user input in messages: bounded length, control characters made visible. */
final class Text {

    static final int MAX_VALUE = 80;
    static final int MAX_PROBLEM = 400;

    private Text() {
    }

    static String quote(String value) {
        return "\"" + clip(value, MAX_VALUE) + "\"";
    }

    static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(max + 1L).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > max
                ? out.substring(0, out.offsetByCodePoints(0, Math.min(max, out.codePointCount(0, out.length())))) + "… ("
                + value.length() + " characters)"
                : out.toString();
    }
}
