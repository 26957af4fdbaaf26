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
        StringBuilder value = new StringBuilder();
        while (i < css.length() && css.charAt(i) != ')') {
            i = css.charAt(i) == '\\' ? escape(css, i, value) : append(css, i, value);
        }
        if (i >= css.length()) {
            end[0] = css.length();
            return null;
        }
        end[0] = i + 1;
        return value.toString().strip();
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
            i = c == '\\' ? escape(css, i, value) : append(css, i, value);
        }
        end[0] = css.length();
        return null;
    }

    private static int append(String css, int i, StringBuilder value) {
        value.append(css.charAt(i));
        return i + 1;
    }

    /**
     * A CSS escape at {@code i} (a backslash): 1-6 hex digits and one optional whitespace name a code point
     * ({@code \67 } is "g"), any other character stands for itself; returns the index after it.
     */
    private static int escape(String css, int i, StringBuilder value) {
        int j = i + 1;
        if (j >= css.length()) {
            return j;
        }
        int digits = 0;
        int codePoint = 0;
        while (j < css.length() && digits < 6 && Character.digit(css.charAt(j), 16) >= 0) {
            codePoint = codePoint * 16 + Character.digit(css.charAt(j), 16);
            j++;
            digits++;
        }
        if (digits == 0) {
            value.append(css.charAt(j));
            return j + 1;
        }
        boolean valid = codePoint != 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= 0xD800 && codePoint <= 0xDFFF);
        value.appendCodePoint(valid ? codePoint : 0xFFFD);
        if (j < css.length() && isWhitespace(css.charAt(j))) {
            j++;
        }
        return j;
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
