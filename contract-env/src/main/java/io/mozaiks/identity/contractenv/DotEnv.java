package io.mozaiks.identity.contractenv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ONE dotenv render and parse. Rendering refuses a value outside a plain character set instead of quoting
 * it: quoting rules differ between bash, python-dotenv and compose, and a refused value cannot be misread by any
 * of them, so a rendered document is inert wherever it is sourced.
 *
 * <p>Two readings, chosen by the caller:
 * <ul>
 *   <li>{@link Reading#STRICT}: the inverse of {@link #render}, for documents this project wrote (the contract
 *       endpoint's env documents). A line that is not {@code NAME=value} is an error; nothing is unquoted.</li>
 *   <li>{@link Reading#LENIENT}: for env files people wrote (mozaiks-doctor {@code env FILE}), as dotenv loaders
 *       read them: {@code export } and one pair of matching quotes removed, blanks around name and value
 *       stripped, lines without {@code NAME=} skipped rather than refused.</li>
 * </ul>
 */
public final class DotEnv {

    /** How forgiving {@link #parse(String, Reading)} is. */
    public enum Reading {
        STRICT, LENIENT
    }

    /**
     * URL and name characters that no loader treats specially: no whitespace, quotes, {@code # $ & ; | < > ( ) ~ ? * =},
     * backslash or backtick. {@code [ ]} stay for IPv6 hosts (no pathname expansion in an assignment).
     */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+,\\[\\]-]+");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String EXPORT = "export ";

    private DotEnv() {
    }

    public static boolean isPlainValue(String value) {
        return value != null && PLAIN_VALUE.matcher(value).matches();
    }

    /** @throws IllegalStateException when the name is not {@code [A-Z][A-Z0-9_]*} or a non-empty value is not plain */
    public static void requirePlain(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("refusing variable name " + name);
        }
        if (value == null || (!value.isEmpty() && !isPlainValue(value))) {
            throw new IllegalStateException(name + " would hold characters that a shell or dotenv loader interprets;"
                    + " refused, never quoted");
        }
    }

    /** {@code NAME=value} lines, each checked with {@link #requirePlain}. */
    public static String render(Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> {
            requirePlain(name, value);
            out.append(name).append('=').append(value).append('\n');
        });
        return out.toString();
    }

    /** A comment line; control characters (a line break that would start a variable) become {@code ?}. */
    public static String comment(String text) {
        return "# " + text.replaceAll("\\p{Cntrl}", "?") + '\n';
    }

    /** {@link Reading#STRICT}: what {@link #render} wrote. */
    public static Map<String, String> parse(String text) {
        return parse(text, Reading.STRICT);
    }

    /** Comments ({@code #}) and blank lines are skipped in both readings; a later line wins over an earlier one. */
    public static Map<String, String> parse(String text, Reading reading) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (reading == Reading.LENIENT && line.startsWith(EXPORT)) {
                line = line.substring(EXPORT.length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (reading == Reading.STRICT) {
                    throw new IllegalArgumentException("not a NAME=value line: " + line);
                }
                continue;
            }
            if (reading == Reading.STRICT) {
                vars.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                vars.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        }
        return vars;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
