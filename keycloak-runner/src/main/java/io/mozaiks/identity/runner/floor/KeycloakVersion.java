package io.mozaiks.identity.runner.floor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Keycloak release number {@code major.minor.patch}, compared numerically (26.7.10 is above 26.7.5, which a
 * string comparison gets wrong). A qualifier after the patch ({@code 26.7.5-SNAPSHOT}, {@code 26.7.5.redhat-00001})
 * is ignored: it does not change which fixes the release carries for the floor.
 */
public record KeycloakVersion(int major, int minor, int patch) implements Comparable<KeycloakVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})([.-][0-9A-Za-z.-]{0,64})?");

    public KeycloakVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part");
        }
    }

    /** @throws IllegalArgumentException for anything but {@code N.N.N} with an optional qualifier */
    public static KeycloakVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no Keycloak version given");
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Keycloak version (expected e.g. 26.7.5): "
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
        }
        return new KeycloakVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The release line, e.g. {@code 26.7}. */
    public String line() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(KeycloakVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
