package io.mozaiks.identity.pathsafety;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Names Windows treats specially even inside a folder: opening {@code out/CON.txt} talks to the console,
 * {@code NUL} swallows data, {@code COM1} opens a serial port. Checked on every OS so a bundle that is safe
 * here is safe when copied to Windows.
 */
public final class WindowsNames {
    /** Device names, compared case-insensitively against the part before the first dot. */
    public static final Set<String> RESERVED_DEVICE_NAMES = Set.of(
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM\u00B9", "COM\u00B2", "COM\u00B3",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT\u00B9", "LPT\u00B2", "LPT\u00B3");

    /** Characters Win32 refuses in names (besides the separators and ':', which have their own reasons). */
    public static final String FORBIDDEN_CHARACTERS = "<>\"|?*";

    private WindowsNames() {
    }

    /**
     * The device a segment would open on Windows, if any. Windows ignores everything from the first dot and
     * trailing spaces before it, so {@code con.txt}, {@code Nul.tar.gz} and {@code "COM1 .log"} all count.
     */
    public static Optional<String> reservedDevice(String segment) {
        int dot = segment.indexOf('.');
        String base = dot < 0 ? segment : segment.substring(0, dot);
        base = stripTrailingSpaces(base).toUpperCase(Locale.ROOT);
        return RESERVED_DEVICE_NAMES.contains(base) ? Optional.of(base) : Optional.empty();
    }

    /**
     * 8.3 short-name aliases such as {@code GIT~1} or {@code PROGRA~2} can name a different file than they
     * spell on Windows (the CVE-2014-9390 family), so a tilde followed by a digit is refused.
     */
    public static boolean looksLikeShortNameAlias(String segment) {
        for (int i = 0; i + 1 < segment.length(); i++) {
            if (segment.charAt(i) == '~' && Character.isDigit(segment.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSpaces(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }
}
