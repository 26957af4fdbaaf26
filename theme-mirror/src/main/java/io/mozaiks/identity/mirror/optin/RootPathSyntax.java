package io.mozaiks.identity.mirror.optin;

import java.util.Optional;

/**
 * Checks the spelling of {@code MOZAIKS_CORE_ROOT} before it becomes a {@code Path}, as a pure function so
 * the Windows rules are unit-tested on any OS. The root must be absolute: a relative value would depend on
 * the folder the tool happens to be started from.
 */
public final class RootPathSyntax {
    private RootPathSyntax() {
    }

    /** Why the value is not an acceptable absolute root for the given OS family, or empty when it is. */
    public static Optional<String> problem(String value, boolean windows) {
        if (value == null || value.isBlank()) {
            return Optional.of("is empty");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        if (value.startsWith("~")) {
            return Optional.of("starts with '~', which Java does not expand; use the full path");
        }
        if (!windows) {
            return value.startsWith("/") ? Optional.empty() : Optional.of("is not an absolute path");
        }
        if (value.length() >= 3 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
                && (value.charAt(2) == '\\' || value.charAt(2) == '/')) {
            return Optional.empty(); // C:\Users\me\mozaiks-core
        }
        if ((value.startsWith("\\\\") || value.startsWith("//")) && value.length() > 2) {
            return Optional.empty(); // \\server\share\mozaiks-core
        }
        if (value.length() >= 2 && value.charAt(1) == ':') {
            return Optional.of("is drive-relative (like C:folder); write C:\\folder");
        }
        if (value.startsWith("\\") || value.startsWith("/")) {
            return Optional.of("has no drive letter (relative to the current drive); write C:\\...");
        }
        return Optional.of("is not an absolute path");
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
