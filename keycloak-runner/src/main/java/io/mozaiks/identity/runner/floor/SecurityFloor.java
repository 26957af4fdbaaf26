package io.mozaiks.identity.runner.floor;

import java.util.Map;

/**
 * The ONE place of the security floor: per Keycloak release line, the first release with the fixes for the
 * advisories listed in docs/operations.md ("Security floor"). Both {@code bin/dev-stack} and
 * {@code mozaiks-doctor keycloak} judge a server version with {@link #check}. Change this table and that
 * section together.
 */
public final class SecurityFloor {

    /**
     * Line -> minimum patched release. 26.4: CVE-2026-18963 is fixed in 26.4.15; 26.6: in 26.6.6; 26.7: 26.7.4
     * carries the newest advisories found (CVE-2026-90997, CVE-2026-79651) after CVE-2026-18963 (26.7.2).
     */
    public static final Map<String, KeycloakVersion> MINIMUM_BY_LINE = Map.of(
            "26.4", KeycloakVersion.parse("26.4.15"),
            "26.6", KeycloakVersion.parse("26.6.6"),
            "26.7", KeycloakVersion.parse("26.7.4"));

    /** Lines for which no release with the CVE-2026-18963 fix was found: every release of them is below the floor. */
    public static final Map<String, String> UNPATCHED_LINES = Map.of(
            "26.5", "no 26.5 release fixes CVE-2026-18963 (critical; fixed in 26.4.15, 26.6.6, 26.7.2)");

    private SecurityFloor() {
    }

    /** How {@code version} stands against the floor; never throws for a well-formed version. */
    public static FloorCheck check(KeycloakVersion version) {
        KeycloakVersion minimum = MINIMUM_BY_LINE.get(version.line());
        if (minimum != null) {
            return version.compareTo(minimum) >= 0
                    ? new FloorCheck(version, FloorCheck.Status.PATCHED, "Keycloak " + version + " is at or above the security floor"
                            + " of its line (" + minimum + ")")
                    : new FloorCheck(version, FloorCheck.Status.BELOW_FLOOR, "Keycloak " + version + " is BELOW the security floor "
                            + minimum + " of the " + version.line() + " line: it has known vulnerabilities; upgrade to "
                            + minimum + " or newer (docs/operations.md, \"Security floor\")");
        }
        String unpatched = UNPATCHED_LINES.get(version.line());
        if (unpatched != null) {
            return new FloorCheck(version, FloorCheck.Status.BELOW_FLOOR, "Keycloak " + version + " is BELOW the security floor: "
                    + unpatched + "; move to " + newest() + " or newer (docs/operations.md, \"Security floor\")");
        }
        if (version.compareTo(newest()) > 0) {
            return new FloorCheck(version, FloorCheck.Status.UNKNOWN, "Keycloak " + version + " is newer than every line the"
                    + " security floor knows (up to " + newest().line() + "); read that line's advisories yourself");
        }
        return new FloorCheck(version, FloorCheck.Status.BELOW_FLOOR, "Keycloak " + version + " is older than every supported"
                + " line and BELOW the security floor; upgrade to " + newest() + " or newer (docs/operations.md, \"Security floor\")");
    }

    /** The floor of the newest line: what an upgrade should reach at least. */
    public static KeycloakVersion newest() {
        return MINIMUM_BY_LINE.values().stream().max(KeycloakVersion::compareTo).orElseThrow();
    }
}
