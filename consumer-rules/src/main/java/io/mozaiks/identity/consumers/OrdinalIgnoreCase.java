package io.mozaiks.identity.consumers;

/**
 * .NET's {@code StringComparison.OrdinalIgnoreCase}, which {@code Mozaiks.Auth} uses for claim names, roles, scopes,
 * client ids and {@code amr}/{@code acr} values: UTF-16 unit by unit, each upper-cased with the invariant SIMPLE
 * mapping ({@code Character.toUpperCase(char)}), never lower-cased and never culture-sensitive. So U+017F (long s)
 * equals {@code S}, U+0131 (dotless i) equals {@code I}, while the Kelvin sign U+212A (already upper case, it only
 * LOWER-cases to {@code k}) does not equal {@code k}; Java's {@code equalsIgnoreCase} would also compare lower
 * cases and take the Kelvin sign for {@code k}.
 */
public final class OrdinalIgnoreCase {

    private OrdinalIgnoreCase() {
    }

    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.length() == b.length() && regionMatches(a, 0, b);
    }

    /** {@code haystack.Contains(needle, StringComparison.OrdinalIgnoreCase)}. */
    public static boolean contains(String haystack, String needle) {
        for (int start = 0; start + needle.length() <= haystack.length(); start++) {
            if (regionMatches(haystack, start, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(String text, int offset, String other) {
        for (int i = 0; i < other.length(); i++) {
            if (Character.toUpperCase(text.charAt(offset + i)) != Character.toUpperCase(other.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
