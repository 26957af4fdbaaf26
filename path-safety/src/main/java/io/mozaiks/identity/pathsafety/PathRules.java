package io.mozaiks.identity.pathsafety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validation of a relative path STRING, as a pure function: no filesystem access, same answer on every OS.
 * It accepts only forward-slash separated, portable names, so that a path accepted on Linux cannot mean
 * something else on Windows or macOS. The filesystem half (links, junctions, file types) is {@link SafeRoot}.
 */
public final class PathRules {
    public static final int MAX_PATH_CHARS = 1024;
    public static final int MAX_DEPTH = 32;
    /** Most filesystems cap a name at 255 bytes (ext4) or 255 UTF-16 units (NTFS); enforce both. */
    public static final int MAX_SEGMENT_UTF8_BYTES = 255;
    public static final int MAX_SEGMENT_CHARS = 255;

    private PathRules() {
    }

    public static PathVerdict check(String raw) {
        Optional<String> whole = wholePathProblem(raw);
        if (whole.isPresent()) {
            return PathVerdict.reject(whole.get());
        }
        String[] parts = raw.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return PathVerdict.reject("more than " + MAX_DEPTH + " segments");
        }
        List<String> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            Optional<String> problem = segmentProblem(parts[i]);
            if (problem.isPresent()) {
                return PathVerdict.reject("segment " + (i + 1) + " ('" + printable(parts[i]) + "'): " + problem.get());
            }
            segments.add(parts[i]);
        }
        return PathVerdict.accept(new RelativePath(segments));
    }

    /** Problems visible on the whole string, reported with the most specific reason first. */
    private static Optional<String> wholePathProblem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("empty path");
        }
        if (raw.length() > MAX_PATH_CHARS) {
            return Optional.of("longer than " + MAX_PATH_CHARS + " characters");
        }
        if (raw.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        if (raw.startsWith("\\\\") || raw.startsWith("//")) {
            return Optional.of("UNC or network path");
        }
        if (raw.length() >= 2 && isAsciiLetter(raw.charAt(0)) && raw.charAt(1) == ':') {
            return Optional.of("Windows drive letter");
        }
        if (raw.startsWith("/")) {
            return Optional.of("absolute path");
        }
        if (raw.indexOf('\\') >= 0) {
            return Optional.of("backslash (only '/' separates folders)");
        }
        if (raw.indexOf(':') >= 0) {
            return Optional.of("':' (drive or alternate data stream syntax)");
        }
        return Optional.empty();
    }

    private static Optional<String> segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("empty segment (doubled or trailing '/')");
        }
        if (segment.equals("..")) {
            return Optional.of("'..' leaves the folder");
        }
        if (segment.equals(".")) {
            return Optional.of("'.' segment");
        }
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            Optional<String> problem = characterProblem(cp, segment, i);
            if (problem.isPresent()) {
                return problem;
            }
            i += Character.charCount(cp);
        }
        char last = segment.charAt(segment.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("trailing dot or space (Windows strips it, so the name changes)");
        }
        if (segment.length() > MAX_SEGMENT_CHARS
                || segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_UTF8_BYTES) {
            return Optional.of("name longer than " + MAX_SEGMENT_UTF8_BYTES + " bytes");
        }
        Optional<String> device = WindowsNames.reservedDevice(segment);
        if (device.isPresent()) {
            return Optional.of("Windows reserved device name " + device.get());
        }
        if (WindowsNames.looksLikeShortNameAlias(segment)) {
            return Optional.of("'~' followed by a digit (Windows 8.3 short-name alias)");
        }
        if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
            return Optional.of("'.git' folder");
        }
        return Optional.empty();
    }

    private static Optional<String> characterProblem(int cp, String segment, int index) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return Optional.of("control character U+" + hex(cp));
        }
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            // Invisible or direction-changing characters make a name look like another one.
            return Optional.of("invisible or formatting character U+" + hex(cp));
        }
        if (type == Character.SURROGATE) {
            return Optional.of("unpaired UTF-16 surrogate at index " + index);
        }
        if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
            return Optional.of("unassigned or private-use character U+" + hex(cp));
        }
        if (cp < 0x80 && WindowsNames.FORBIDDEN_CHARACTERS.indexOf(cp) >= 0) {
            return Optional.of("character '" + (char) cp + "' is not allowed in Windows names");
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }

    /** Renders a path for messages: control and invisible characters become U+XXXX so one error stays one line. */
    public static String printable(String raw) {
        if (raw == null) {
            return "<null>";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(200).forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append("\\u").append(hex(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (raw.codePointCount(0, raw.length()) > 200) {
            out.append("...");
        }
        return out.toString();
    }
}
