package io.mozaiks.identity.mirror.references;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resource references of one stylesheet, as written: every {@code url(...)} (unquoted, {@code '...'} or
 * {@code "..."}, with any whitespace inside the parentheses) and every {@code @import "..."} string.
 * Comments are skipped, and so are ordinary strings ({@code content: "url(x)"} is text, not a reference),
 * the way a browser's tokenizer sees them. Classifying and resolving a reference is {@link UrlReference}'s
 * and {@link ResourcePaths}' job.
 */
public final class CssUrlExtractor {
    private CssUrlExtractor() {
    }

    public static List<String> references(String css) {
        List<String> found = new ArrayList<>();
        int i = 0;
        boolean afterImport = false;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int[] end = new int[1];
                String value = readString(css, i, end);
                if (afterImport && value != null) {
                    found.add(value);
                }
                afterImport = false;
                i = end[0];
            } else if (c == '@' && startsWithIgnoreCase(css, i, "@import") && !isNameChar(css, i + 7)) {
                afterImport = true;
                i += 7;
            } else if ((c == 'u' || c == 'U') && startsWithIgnoreCase(css, i, "url(") && !isNameChar(css, i - 1)) {
                int[] end = new int[1];
                String value = readUrl(css, i + 4, end);
                if (value != null) {
                    found.add(value);
                }
                afterImport = false;
                i = end[0];
            } else {
                if (!isWhitespace(c)) {
                    afterImport = false;
                }
                i++;
            }
        }
        return found;
    }

    /** The body of {@code url(}; {@code end[0]} is set to the index after it. Null when unterminated. */
    private static String readUrl(String css, int start, int[] end) {
        int i = skipWhitespace(css, start);
        if (i < css.length() && (css.charAt(i) == '"' || css.charAt(i) == '\'')) {
            String value = readString(css, i, end);
            int close = skipWhitespace(css, end[0]);
            if (value == null || close >= css.length() || css.charAt(close) != ')') {
                end[0] = Math.max(end[0], start);
                return null;
            }
            end[0] = close + 1;
            return value;
        }
        int close = css.indexOf(')', i);
        if (close < 0) {
            end[0] = css.length();
            return null;
        }
        end[0] = close + 1;
        return unescape(css.substring(i, close)).strip();
    }

    /** A quoted string starting at {@code start}; null when a newline or the end comes first (a bad string). */
    private static String readString(String css, int start, int[] end) {
        char quote = css.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == quote) {
                end[0] = i + 1;
                return value.toString();
            }
            if (c == '\n' || c == '\r' || c == '\f') {
                end[0] = i;
                return null;
            }
            if (c == '\\' && i + 1 < css.length()) {
                value.append(css.charAt(i + 1));
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        end[0] = css.length();
        return null;
    }

    private static String unescape(String raw) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                value.append(raw.charAt(++i));
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static int skipWhitespace(String css, int i) {
        while (i < css.length() && isWhitespace(css.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isNameChar(String css, int i) {
        if (i < 0 || i >= css.length()) {
            return false;
        }
        char c = css.charAt(i);
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static boolean startsWithIgnoreCase(String css, int i, String word) {
        return css.regionMatches(true, i, word, 0, word.length())
                && css.substring(i, i + word.length()).toLowerCase(Locale.ROOT).equals(word);
    }
}
