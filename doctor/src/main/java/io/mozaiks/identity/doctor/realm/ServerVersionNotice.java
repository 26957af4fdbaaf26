package io.mozaiks.identity.doctor.realm;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.runner.floor.FloorCheck;
import io.mozaiks.identity.runner.floor.KeycloakVersion;
import io.mozaiks.identity.runner.floor.SecurityFloor;

import java.util.Optional;

/**
 * The server's version against the security floor (keycloak-runner's table, the one {@code bin/dev-stack} and
 * {@code mozaiks-doctor keycloak} use). Keycloak shows {@code systemInfo.version} in {@code /admin/serverinfo} only
 * to an admin who may manage the realm, which is what {@code realm apply} needs anyway; a plan never fails on it.
 */
final class ServerVersionNotice {

    private ServerVersionNotice() {
    }

    /** A line to print, or empty when the version is at or above the floor. */
    static Optional<String> of(AdminConnection admin) {
        String version;
        try {
            JsonNode info = admin.sendAbsolute("GET", admin.baseUrl() + "/admin/serverinfo", null, 200).json();
            version = info.path("systemInfo").path("version").asText("");
        } catch (RuntimeException unreadable) {
            version = "";
        }
        return forVersion(version);
    }

    static Optional<String> forVersion(String version) {
        if (version.isBlank()) {
            return Optional.of("note: the admin API did not show this admin the Keycloak version, so it was not checked"
                    + " against the security floor; run `mozaiks-doctor keycloak VERSION` with the version of the server");
        }
        KeycloakVersion parsed;
        try {
            parsed = KeycloakVersion.parse(version);
        } catch (IllegalArgumentException e) {
            return Optional.of("note: cannot judge Keycloak version '" + version + "' against the security floor: "
                    + e.getMessage());
        }
        FloorCheck check = SecurityFloor.check(parsed);
        return switch (check.status()) {
            case PATCHED -> Optional.empty();
            case BELOW_FLOOR -> Optional.of("WARNING: " + check.message());
            case UNKNOWN -> Optional.of("note: " + check.message());
        };
    }
}
