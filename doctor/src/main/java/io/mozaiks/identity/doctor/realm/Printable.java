package io.mozaiks.identity.doctor.realm;

/** A value echoed in a message: control characters shown as {@code ?}, cut at 80 characters, so input cannot forge output. */
final class Printable {

    private Printable() {
    }

    static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR ? '?' : cp));
        return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
    }
}
