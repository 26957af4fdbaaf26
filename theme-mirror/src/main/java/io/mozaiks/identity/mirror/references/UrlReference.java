package io.mozaiks.identity.mirror.references;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One reference as a browser would fetch it: a path relative to the document that holds it, or something
 * that is not a file of the theme (a {@code data:} URI, an absolute or protocol-relative URL, a bare
 * {@code #fragment}, a server-absolute {@code /path}). The query string and fragment are cut off, since
 * they never change which file is served ({@code ../img/bg.png?v=11} is {@code ../img/bg.png}), and
 * percent escapes are decoded.
 */
public record UrlReference(String raw, Kind kind, String path) {
    /** Where a reference points. Only RELATIVE ones name a file of the theme. */
    public enum Kind { RELATIVE, DATA, ABSOLUTE_URL, FRAGMENT_ONLY, SERVER_ABSOLUTE, DYNAMIC, UNUSABLE }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    public static UrlReference parse(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return new UrlReference(raw, Kind.UNUSABLE, null);
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("data:")) {
            return new UrlReference(raw, Kind.DATA, null);
        }
        if (value.contains("${")) {
            return new UrlReference(raw, Kind.DYNAMIC, null);
        }
        if (value.startsWith("#")) {
            return new UrlReference(raw, Kind.FRAGMENT_ONLY, null);
        }
        if (value.startsWith("//") || SCHEME.matcher(value).find()) {
            return new UrlReference(raw, Kind.ABSOLUTE_URL, null);
        }
        if (value.startsWith("/")) {
            return new UrlReference(raw, Kind.SERVER_ABSOLUTE, null);
        }
        String path = value;
        int cut = firstOf(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String decoded = percentDecode(path);
        if (decoded == null || decoded.isEmpty() || decoded.indexOf('\\') >= 0 || decoded.indexOf(':') >= 0
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return new UrlReference(raw, Kind.UNUSABLE, null);
        }
        return new UrlReference(raw, Kind.RELATIVE, decoded);
    }

    private static int firstOf(String value, char a, char b) {
        int first = value.indexOf(a);
        int second = value.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }

    /** UTF-8 percent decoding; null when an escape is broken or the bytes are not UTF-8. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Why a non-RELATIVE reference is not followed, for the report's notes. */
    public String whyIgnored() {
        return switch (kind) {
            case RELATIVE -> "";
            case DATA -> "a data: URI (no file)";
            case ABSOLUTE_URL -> "an absolute URL (not a file of the theme)";
            case FRAGMENT_ONLY -> "a fragment of the same document";
            case SERVER_ABSOLUTE -> "a server-absolute path (cannot be mapped to the theme folder)";
            case DYNAMIC -> "built at render time (contains ${...})";
            case UNUSABLE -> "empty or not a usable relative path";
        };
    }
}
